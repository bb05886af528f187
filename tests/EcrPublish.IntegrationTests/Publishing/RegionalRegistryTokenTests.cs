using System.Net;
using System.Net.Http.Headers;
using System.Text;
using EcrPublish.Aws;
using EcrPublish.LocalEcr;
using EcrPublish.Publishing;
using EcrPublish.Registry;
using Xunit;

namespace EcrPublish.IntegrationTests.Publishing;

/// <summary>
/// ECR tokens are regional: a base image in another account's registry in another region gets a token from that
/// region's GetAuthorizationToken, asked for that account, with the same credentials; two LocalEcr instances play the
/// two regions (each accepts only its own account in registryIds, so asking the wrong one fails).
/// </summary>
public sealed class RegionalRegistryTokenTests
{
    private const string OtherAccount = "111122223333";

    [Fact]
    public async Task A_registry_in_another_region_and_account_gets_that_regions_token_once_and_the_push_registry_keeps_its_own()
    {
        await using var home = await LocalEcrServer.StartAsync(new LocalEcrOptions { Region = "eu-west-1" });
        await using var other = await LocalEcrServer.StartAsync(new LocalEcrOptions { Region = "us-west-2", AccountId = OtherAccount });
        using var ecr = Client(home, home.Options.Region);
        var regionsAsked = new List<string>();
        using var provider = new EcrRegistryCredentialProvider(ecr, [home.RegistryHost], TimeProvider.System)
        {
            // Real AWS resolves the region's endpoint; here the other region's endpoint is the second LocalEcr.
            RegionalClient = (region, fips) =>
            {
                regionsAsked.Add(region);
                return Client(other, region);
            },
        };
        var otherRegistry = $"{OtherAccount}.dkr.ecr.us-west-2.amazonaws.com";

        var own = await provider.GetAsync(home.RegistryHost, refresh: false, CancellationToken.None);
        var baseImage = await provider.GetAsync(otherRegistry, refresh: false, CancellationToken.None);
        var again = await provider.GetAsync(otherRegistry, refresh: false, CancellationToken.None);
        var sameRegion = await provider.GetAsync($"{home.Options.AccountId}.dkr.ecr.eu-west-1.amazonaws.com", refresh: false, CancellationToken.None);

        Assert.Equal(["us-west-2"], regionsAsked);
        Assert.Equal(1, other.CallCount("GetAuthorizationToken"));
        Assert.Equal(2, home.CallCount("GetAuthorizationToken"));
        Assert.Equal(baseImage?.Password, again?.Password);
        Assert.Equal(HttpStatusCode.OK, await RegistryAnswersAsync(other, baseImage!));
        Assert.NotEqual(own?.Password, baseImage?.Password);
        Assert.Equal(HttpStatusCode.OK, await RegistryAnswersAsync(home, own!));
        Assert.Equal(HttpStatusCode.OK, await RegistryAnswersAsync(home, sameRegion!));
        Assert.Null(await provider.GetAsync("registry.example.com", refresh: false, CancellationToken.None));
    }

    private static EcrApiClient Client(LocalEcrServer localEcr, string region) => new(new EcrClientOptions
    {
        Region = region,
        ServiceUrl = localEcr.Endpoint,
        Credentials = new Amazon.Runtime.BasicAWSCredentials(localEcr.Options.AccessKeyId, localEcr.Options.SecretAccessKey),
    });

    private static async Task<HttpStatusCode> RegistryAnswersAsync(LocalEcrServer localEcr, RegistryCredential credential)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(localEcr.Endpoint, "/v2/"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credential.Username}:{credential.Password}")));
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
