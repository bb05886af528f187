namespace EcrPublish.LocalEcr.Auth;

/// <summary>The parts of an <c>Authorization: AWS4-HMAC-SHA256 …</c> header.</summary>
internal sealed record SigV4Authorization(
    string AccessKeyId,
    string Date,
    string Region,
    string Service,
    IReadOnlyList<string> SignedHeaders,
    string Signature)
{
    public string Scope => $"{Date}/{Region}/{Service}/aws4_request";

    /// <summary>Parses the header, or returns null when it is not a complete SigV4 authorization.</summary>
    public static SigV4Authorization? Parse(string header)
    {
        const string Algorithm = "AWS4-HMAC-SHA256 ";
        if (!header.StartsWith(Algorithm, StringComparison.Ordinal))
        {
            return null;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in header[Algorithm.Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split('=', 2);
            if (pair.Length != 2 || !fields.TryAdd(pair[0], pair[1]))
            {
                // A parameter given twice (which Credential counts?) or one without a value: not a header AWS would read.
                return null;
            }
        }
        if (!fields.TryGetValue("Credential", out var credential)
            || !fields.TryGetValue("SignedHeaders", out var signedHeaders)
            || !fields.TryGetValue("Signature", out var signature))
        {
            return null;
        }

        var scope = credential.Split('/');
        if (scope.Length != 5 || scope[4] != "aws4_request")
        {
            return null;
        }

        var names = signedHeaders.Split(';');
        if (names.Any(name => name.Length == 0 || name.Any(char.IsUpper) || name.Any(char.IsWhiteSpace)))
        {
            return null;
        }

        return new SigV4Authorization(scope[0], scope[1], scope[2], scope[3], names, signature);
    }
}
