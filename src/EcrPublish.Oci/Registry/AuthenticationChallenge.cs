using System.Net.Http.Headers;

namespace EcrPublish.Registry;

/// <summary>A parsed <c>WWW-Authenticate</c> challenge: Basic, or Bearer with realm/service/scope.</summary>
public sealed record AuthenticationChallenge(string Scheme, IReadOnlyDictionary<string, string> Parameters)
{
    public bool IsBearer => string.Equals(Scheme, "Bearer", StringComparison.OrdinalIgnoreCase);

    public bool IsBasic => string.Equals(Scheme, "Basic", StringComparison.OrdinalIgnoreCase);

    public string? Realm => Parameters.TryGetValue("realm", out var realm) ? realm : null;

    public string? Service => Parameters.TryGetValue("service", out var service) ? service : null;

    public static AuthenticationChallenge? From(HttpResponseMessage response)
    {
        var header = response.Headers.WwwAuthenticate.FirstOrDefault(h => h.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
            ?? response.Headers.WwwAuthenticate.FirstOrDefault();
        return header is null ? null : Parse(header);
    }

    public static AuthenticationChallenge Parse(AuthenticationHeaderValue header)
    {
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var text = header.Parameter ?? "";
        var position = 0;
        while (position < text.Length)
        {
            var equals = text.IndexOf('=', position);
            if (equals < 0)
            {
                break;
            }

            var key = text[position..equals].Trim().TrimStart(',').Trim();
            position = equals + 1;
            string value;
            if (position < text.Length && text[position] == '"')
            {
                var end = text.IndexOf('"', position + 1);
                end = end < 0 ? text.Length : end;
                value = text[(position + 1)..end];
                position = Math.Min(text.Length, end + 1);
            }
            else
            {
                var end = text.IndexOf(',', position);
                end = end < 0 ? text.Length : end;
                value = text[position..end].Trim();
                position = end;
            }

            parameters[key] = value;
            while (position < text.Length && (text[position] == ',' || text[position] == ' '))
            {
                position++;
            }
        }

        return new AuthenticationChallenge(header.Scheme, parameters);
    }
}
