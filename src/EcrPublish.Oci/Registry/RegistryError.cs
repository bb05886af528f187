using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcrPublish.Registry;

/// <summary>The first entry of an OCI error body <c>{"errors":[{"code","message"}]}</c>.</summary>
public sealed record RegistryError(string Code, string Message)
{
    public static async Task<RegistryError?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (body.Length == 0 || body.Length > 64 * 1024)
            {
                return null;
            }

            var first = JsonNode.Parse(body)?["errors"]?.AsArray().FirstOrDefault();
            return first is null ? null : new RegistryError(first["code"]?.GetValue<string>() ?? "", first["message"]?.GetValue<string>() ?? "");
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or HttpRequestException or IOException)
        {
            return null;
        }
    }

    public override string ToString() => Message.Length == 0 ? Code : $"{Code} {Message}";
}
