using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EcrPublish.Http;

/// <summary>
/// Removes secrets from what the HTTP debug log prints: credential headers (the scheme stays, e.g. <c>Basic</c>),
/// signed-URL and token query parameters, user information in URLs, and token or password fields of JSON and form
/// bodies (<c>authorizationToken</c> of GetAuthorizationToken, a registry's bearer <c>token</c>, ...).
/// </summary>
public static partial class HttpDebugRedactor
{
    public const string Redacted = "<redacted>";

    private static readonly JsonSerializerOptions s_readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly HashSet<string> s_secretHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Proxy-Authorization", "X-Amz-Security-Token", "X-Registry-Auth", "X-Registry-Config", "Cookie", "Set-Cookie",
    };

    // Names of query parameters and body fields that carry credentials, compared without case, '-' or '_'.
    private static readonly HashSet<string> s_secretNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "authorizationtoken", "token", "accesstoken", "refreshtoken", "identitytoken", "registrytoken", "idtoken", "password", "secret",
        "secretaccesskey", "sessiontoken", "xamzsecuritytoken", "xamzsignature", "xamzcredential", "signature", "clientsecret", "auth",
    };

    public static bool IsSecretHeader(string name) => s_secretHeaders.Contains(name);

    /// <summary>A credential header's value with only its scheme left: <c>Basic &lt;redacted&gt;</c>.</summary>
    public static string HeaderValue(string name, string value)
    {
        if (IsSecretHeader(name))
        {
            var space = value.IndexOf(' ', StringComparison.Ordinal);
            return name.EndsWith("Authorization", StringComparison.OrdinalIgnoreCase) && space > 0 ? value[..space] + " " + Redacted : Redacted;
        }

        return name.Equals("Location", StringComparison.OrdinalIgnoreCase) || name.Equals("Content-Location", StringComparison.OrdinalIgnoreCase)
            ? Url(value)
            : value;
    }

    /// <summary>An absolute or relative URL with user information and secret query values replaced.</summary>
    public static string Url(string url)
    {
        var withoutUser = UserInfo().Replace(url, match => match.Groups["scheme"].Value + Redacted + "@");
        var query = withoutUser.IndexOf('?', StringComparison.Ordinal);
        if (query < 0)
        {
            return withoutUser;
        }

        var parameters = withoutUser[(query + 1)..].Split('&').Select(parameter =>
        {
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            return equals > 0 && IsSecretName(Uri.UnescapeDataString(parameter[..equals])) ? parameter[..(equals + 1)] + Redacted : parameter;
        });
        return withoutUser[..(query + 1)] + string.Join('&', parameters);
    }

    /// <summary>A JSON document with every secret field's value replaced, or null when <paramref name="text"/> is not JSON.</summary>
    public static string? Json(string text)
    {
        try
        {
            var node = JsonNode.Parse(text);
            if (node is null)
            {
                return text;
            }

            Redact(node);
            return node.ToJsonString(s_readable);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>An <c>application/x-www-form-urlencoded</c> body (OAuth2 token requests) with secret values replaced.</summary>
    public static string Form(string text) => Url("?" + text)[1..];

    private static bool IsSecretName(string name) => s_secretNames.Contains(name.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal));

    private static void Redact(JsonNode node)
    {
        switch (node)
        {
            case JsonObject json:
                foreach (var (name, value) in json.ToList())
                {
                    if (IsSecretName(name) && value is JsonValue)
                    {
                        json[name] = Redacted;
                    }
                    else if (value is not null)
                    {
                        Redact(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array.OfType<JsonNode>())
                {
                    Redact(item);
                }

                break;
        }
    }

    [GeneratedRegex(@"(?<scheme>[a-zA-Z][a-zA-Z0-9+.-]*://)[^/@?#\s]+@")]
    private static partial Regex UserInfo();
}
