using Amazon;
using Amazon.KeyManagementService;
using EcrPublish.Aws;

namespace EcrPublish.Kms;

/// <summary>
/// Makes the AWS SDK's KMS client for one key with ECR's credential chain and endpoint settings: the region is the key
/// ARN's, else the resolved one; the endpoint is the explicit or configured one (AWS_ENDPOINT_URL_KMS, …), else the SDK's.
/// </summary>
internal static class KmsClientFactory
{
    /// <summary>The client, and where it goes (for messages): <c>region</c> or <c>region at endpoint</c>.</summary>
    public static (AmazonKeyManagementServiceClient Client, string Where) Create(string keyId, KmsClientOptions options)
    {
        var region = RegionOfArn(keyId) ?? AwsRegionResolver.Resolve(options.Region, options.Profile);
        var credentials = options.Credentials ?? AwsCredentialsResolver.Resolve(options.Profile);
        var endpoint = options.ServiceUrl ?? AwsEndpointResolver.ConfiguredKms(options.Profile);
        var config = new AmazonKeyManagementServiceConfig();
        if (endpoint is not null)
        {
            config.ServiceURL = endpoint.ToString();
            // A ServiceURL clears the region; the signature scope needs it all the same.
            config.AuthenticationRegion = region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
            config.UseFIPSEndpoint = options.UseFips ?? string.Equals(Environment.GetEnvironmentVariable("AWS_USE_FIPS_ENDPOINT"), "true", StringComparison.OrdinalIgnoreCase);
        }

        if (options.DebugLog is { } log)
        {
            config.HttpClientFactory = new DebugLogHttpClientFactory(log);
        }

        var where = endpoint is null ? $"region {region}" : $"region {region} at {endpoint}";
        return (new AmazonKeyManagementServiceClient(credentials, config), where);
    }

    // arn:<partition>:kms:<region>:<account>:key/<id> — the key lives in that region, whatever the profile says.
    private static string? RegionOfArn(string keyId) =>
        keyId.StartsWith("arn:", StringComparison.Ordinal) && keyId.Split(':') is [_, _, "kms", { Length: > 0 } region, ..] ? region : null;
}
