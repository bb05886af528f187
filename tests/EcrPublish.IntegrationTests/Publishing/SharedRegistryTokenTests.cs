using EcrPublish.Aws;
using EcrPublish.LocalEcr;
using EcrPublish.Publishing;
using EcrPublish.Registry;
using Xunit;

namespace EcrPublish.IntegrationTests.Publishing;

/// <summary>The build-wide token cache against LocalEcr's GetAuthorizationToken call count.</summary>
public sealed class SharedRegistryTokenTests
{
    [Fact]
    public async Task Publishes_sharing_a_cache_ask_once_per_endpoint_and_a_rejected_token_is_fetched_again()
    {
        await using var first = await LocalEcrServer.StartAsync(new LocalEcrOptions());
        await using var second = await LocalEcrServer.StartAsync(new LocalEcrOptions());
        var cache = new EcrAuthorizationTokenCache();

        using var firstClient = Client(first);
        using var secondClient = Client(second);
        var one = await CredentialAsync(firstClient, first, cache, refresh: false);
        var two = await CredentialAsync(firstClient, first, cache, refresh: false);
        var other = await CredentialAsync(secondClient, second, cache, refresh: false);

        Assert.Equal(one?.Password, two?.Password);
        Assert.Equal(1, first.CallCount("GetAuthorizationToken"));
        Assert.Equal(1, second.CallCount("GetAuthorizationToken"));
        Assert.NotEqual(one?.Password, other?.Password);

        // The registry said 401 to the shared token: asking with refresh goes to ECR and replaces it for everyone.
        await CredentialAsync(firstClient, first, cache, refresh: true);
        await CredentialAsync(firstClient, first, cache, refresh: false);
        Assert.Equal(2, first.CallCount("GetAuthorizationToken"));
    }

    [Fact]
    public async Task Without_a_cache_every_publish_asks_for_its_own_token()
    {
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions());
        using var client = Client(localEcr);

        await CredentialAsync(client, localEcr, sharedTokens: null, refresh: false);
        await CredentialAsync(client, localEcr, sharedTokens: null, refresh: false);

        Assert.Equal(2, localEcr.CallCount("GetAuthorizationToken"));
    }

    private static EcrApiClient Client(LocalEcrServer localEcr) => new(new EcrClientOptions
    {
        Region = localEcr.Options.Region,
        ServiceUrl = localEcr.Endpoint,
        Credentials = new Amazon.Runtime.BasicAWSCredentials(localEcr.Options.AccessKeyId, localEcr.Options.SecretAccessKey),
    });

    // A new provider per call, as each project of a solution build creates its own.
    private static async Task<RegistryCredential?> CredentialAsync(EcrApiClient ecr, LocalEcrServer localEcr, EcrAuthorizationTokenCache? sharedTokens, bool refresh)
    {
        using var provider = new EcrRegistryCredentialProvider(ecr, [localEcr.RegistryHost], TimeProvider.System, sharedTokens);
        return await provider.GetAsync(localEcr.RegistryHost, refresh, CancellationToken.None);
    }
}
