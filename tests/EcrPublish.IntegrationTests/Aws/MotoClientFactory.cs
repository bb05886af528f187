using Amazon.Runtime;
using EcrPublish.Aws;
using EcrPublish.Testing;

namespace EcrPublish.IntegrationTests.Aws;

/// <summary>Clients pointed at the moto server of the test environment (moto accepts any key; account 123456789012).</summary>
internal static class MotoClientFactory
{
    public const string Account = "123456789012";

    public static EcrApiClient Create(string region = "us-east-1") =>
        new(new EcrClientOptions
        {
            Region = region,
            ServiceUrl = new Uri(TestEnvironment.MotoUrl),
            StsServiceUrl = new Uri(TestEnvironment.MotoUrl),
            Credentials = new BasicAWSCredentials("AKIAMOTOEXAMPLE00001", "moto-secret-key"),
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        });

    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}";
}
