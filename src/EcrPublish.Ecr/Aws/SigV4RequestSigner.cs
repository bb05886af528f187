using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace EcrPublish.Aws;

/// <summary>
/// Adds SigV4 headers (Authorization, X-Amz-Date, X-Amz-Content-SHA256, x-amz-security-token) to an outgoing request
/// with AWSSDK.Core's public standalone signer. Every header already on the message is signed.
/// </summary>
internal static class SigV4RequestSigner
{
    public static void Sign(HttpRequestMessage message, byte[] body, ImmutableCredentials keys, string region, string service, DateTimeOffset signedAt)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Host"] = message.RequestUri!.IsDefaultPort ? message.RequestUri.Host : $"{message.RequestUri.Host}:{message.RequestUri.Port}",
        };
        foreach (var header in message.Headers)
        {
            headers[header.Key] = string.Join(",", header.Value);
        }

        if (message.Content is not null)
        {
            foreach (var header in message.Content.Headers)
            {
                if (!header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    headers[header.Key] = string.Join(",", header.Value);
                }
            }
        }

        var request = new AWSSigningRequest
        {
            HttpMethod = message.Method,
            RequestUri = message.RequestUri,
            Content = body,
        };
        foreach (var header in headers)
        {
            request.Headers[header.Key] = header.Value;
        }

        var parameters = new AWSSigV4Parameters
        {
            Credentials = keys.UseToken
                ? new SessionAWSCredentials(keys.AccessKey, keys.SecretKey, keys.Token)
                : new BasicAWSCredentials(keys.AccessKey, keys.SecretKey),
            Region = Amazon.RegionEndpoint.GetBySystemName(region),
            Service = service,
            SignedAt = signedAt.UtcDateTime,
        };
        var result = AWSSigV4Signer.Sign(request, parameters);
        foreach (var header in result.Headers)
        {
            if (header.Key.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            message.Headers.Remove(header.Key);
            message.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }
}
