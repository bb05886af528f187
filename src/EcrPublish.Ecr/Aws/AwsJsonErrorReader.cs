using System.Text.Json;

namespace EcrPublish.Aws;

/// <summary>
/// Reads awsJson1_1 errors: the code from <c>__type</c>, <c>code</c> or the <c>x-amzn-ErrorType</c> header (stripped of
/// <c>ns#</c> and <c>:url</c> decorations), the message from <c>message</c> or <c>Message</c>.
/// </summary>
internal sealed class AwsJsonErrorReader : IAwsErrorReader
{
    public static AwsJsonErrorReader Instance { get; } = new();

    public EcrServiceException Read(string operation, AwsHttpResponse response)
    {
        string? code = null;
        string? message = null;
        try
        {
            using var document = JsonDocument.Parse(response.Body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (property.Value.ValueKind != JsonValueKind.String)
                    {
                        continue;
                    }

                    if (property.NameEquals("__type") || (code is null && property.Name.Equals("code", StringComparison.OrdinalIgnoreCase)))
                    {
                        code = property.Value.GetString();
                    }
                    else if (message is null && property.Name.Equals("message", StringComparison.OrdinalIgnoreCase))
                    {
                        message = property.Value.GetString();
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (e.g. an HTML 500 page from a proxy or emulator): fall back to the header and status.
        }

        code = Sanitize(response.Header("x-amzn-ErrorType") ?? code);
        message = response.Header("x-amzn-error-message") ?? message;
        code ??= (int)response.StatusCode >= 500 ? "ServerError" : $"Http{(int)response.StatusCode}";
        message ??= BodyPreview(response.Body);
        return new EcrServiceException(code, message, response.StatusCode, response.RequestId, operation);
    }

    /// <summary>"aws.ecr#Foo:http://internal..." → "Foo": text before the first ':', after the last '#'.</summary>
    public static string? Sanitize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            code = code[..colon];
        }

        var hash = code.LastIndexOf('#');
        return (hash >= 0 ? code[(hash + 1)..] : code).Trim();
    }

    internal static string BodyPreview(byte[] body)
    {
        var text = System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 300)).Trim();
        return text.Length == 0 ? "(empty response body)" : text;
    }
}
