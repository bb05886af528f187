namespace EcrPublish.Registry;

/// <summary>
/// The referrers tag schema of the OCI distribution spec: where clients keep the list of a subject's referrers, as an
/// image index, on registries without the referrers API — <c>&lt;alg&gt;-&lt;encoded&gt;</c>, e.g. <c>sha256-&lt;hex&gt;</c>.
/// </summary>
public static class ReferrersTag
{
    /// <summary>The tag for <paramref name="digest"/>: algorithm cut to 32 characters, encoded part to 64, characters a tag may not hold replaced by '-'.</summary>
    public static string For(string digest)
    {
        var colon = digest.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new ArgumentException($"'{digest}' is not a digest.", nameof(digest));
        }

        var algorithm = digest[..colon];
        var encoded = digest[(colon + 1)..];
        var tag = algorithm[..Math.Min(32, algorithm.Length)] + "-" + encoded[..Math.Min(64, encoded.Length)];
        return string.Concat(tag.Select(character => char.IsAsciiLetterOrDigit(character) || character is '_' or '.' or '-' ? character : '-'));
    }
}
