using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EcrPublish.LocalEcr.Tests.Support;

/// <summary>
/// Builds a control-plane request signed over exactly the headers a test chooses (the AWS SDK signs them all), so
/// tests can send signatures that leave out Host or X-Amz-Target, or carry the time in a Date header.
/// </summary>
internal static class ManualSigV4Request
{
    public static HttpRequestMessage Create(Uri endpoint, string operation, string body, IReadOnlyList<string> signedHeaders, bool useDateHeader = false, string secret = "test")
    {
        var now = DateTime.UtcNow;
        var amzDate = now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = endpoint.Authority,
            ["x-amz-target"] = "AmazonEC2ContainerRegistry_V20150921." + operation,
            ["content-type"] = "application/x-amz-json-1.1",
        };
        if (useDateHeader)
        {
            headers["date"] = now.ToString("r", CultureInfo.InvariantCulture);
        }
        else
        {
            headers["x-amz-date"] = amzDate;
        }

        var signed = signedHeaders.Order(StringComparer.Ordinal).ToList();
        var canonical = new StringBuilder("POST\n/\n\n");
        foreach (var name in signed)
        {
            canonical.Append(name).Append(':').Append(headers[name]).Append('\n');
        }

        canonical.Append('\n').Append(string.Join(';', signed)).Append('\n').Append(Hex(SHA256.HashData(Encoding.UTF8.GetBytes(body))));
        var scope = $"{amzDate[..8]}/us-east-1/ecr/aws4_request";
        var toSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())))}";
        var key = Encoding.UTF8.GetBytes("AWS4" + secret);
        foreach (var part in new[] { amzDate[..8], "us-east-1", "ecr", "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        var signature = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(toSign)));
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-amz-json-1.1");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", headers["x-amz-target"]);
        request.Headers.TryAddWithoutValidation(useDateHeader ? "Date" : "X-Amz-Date", useDateHeader ? headers["date"] : amzDate);
        request.Headers.TryAddWithoutValidation("Authorization", $"AWS4-HMAC-SHA256 Credential=test/{scope}, SignedHeaders={string.Join(';', signed)}, Signature={signature}");
        return request;
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}
