using EcrPublish.Aws;
using EcrPublish.LocalEcr;
using EcrPublish.Publishing;
using Xunit;

namespace EcrPublish.IntegrationTests.Publishing;

/// <summary>
/// The image is built before the repository exists, so a base image in LocalEcr's own registry (not an ECR host
/// name) is recognised through the token's proxy endpoint; any other host gets no ECR credential.
/// </summary>
public sealed class OwnRegistryDiscoveryTests
{
    [Fact]
    public async Task The_registry_of_a_custom_ECR_endpoint_gets_the_token_and_no_other_host_does()
    {
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions());
        using var ecr = new EcrApiClient(new EcrClientOptions
        {
            Region = localEcr.Options.Region,
            ServiceUrl = localEcr.Endpoint,
            Credentials = new Amazon.Runtime.BasicAWSCredentials(localEcr.Options.AccessKeyId, localEcr.Options.SecretAccessKey),
        });
        using var provider = new EcrRegistryCredentialProvider(ecr, [], TimeProvider.System) { DiscoversOwnRegistry = true };

        var own = await provider.GetAsync(localEcr.RegistryHost, refresh: false, CancellationToken.None);
        var other = await provider.GetAsync("127.0.0.1:1", refresh: false, CancellationToken.None);

        Assert.NotNull(own);
        Assert.Equal("AWS", own.Username);
        Assert.Null(other);
        Assert.Equal(1, localEcr.CallCount("GetAuthorizationToken"));
    }

    [Fact]
    public async Task Without_a_custom_endpoint_an_unknown_host_asks_ECR_nothing()
    {
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions());
        using var ecr = new EcrApiClient(new EcrClientOptions
        {
            Region = localEcr.Options.Region,
            ServiceUrl = localEcr.Endpoint,
            Credentials = new Amazon.Runtime.BasicAWSCredentials(localEcr.Options.AccessKeyId, localEcr.Options.SecretAccessKey),
        });
        using var provider = new EcrRegistryCredentialProvider(ecr, [], TimeProvider.System);

        Assert.Null(await provider.GetAsync(localEcr.RegistryHost, refresh: false, CancellationToken.None));
        Assert.Equal(0, localEcr.CallCount("GetAuthorizationToken"));
    }
}
