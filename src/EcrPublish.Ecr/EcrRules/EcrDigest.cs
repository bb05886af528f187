using System.Text.RegularExpressions;

namespace EcrPublish.EcrRules;

/// <summary>ECR's image and layer digests.</summary>
public static partial class EcrDigest
{
    /// <summary>The general form ECR's API accepts (BatchDeleteImage, BatchGetImage, layer digests) before it looks the digest up.</summary>
    public const string PatternText = "[a-zA-Z0-9-_+.]+:[a-fA-F0-9]+";

    private const string Sha256Prefix = "sha256:";

    public static bool IsWellFormed(string? digest) => digest is not null && Pattern().IsMatch(digest);

    /// <summary>
    /// The digests ECR stores content under: <c>sha256:</c> and 64 lower-case hex digits (which also makes the digest
    /// safe as a file name: no separators, no <c>..</c>).
    /// </summary>
    public static bool IsSha256(string? digest) => digest is not null && Sha256Pattern().IsMatch(digest);

    /// <summary>The hex part of a digest <see cref="IsSha256"/> accepts.</summary>
    public static string Sha256Hex(string digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return digest[Sha256Prefix.Length..];
    }

    [GeneratedRegex(@"\A" + PatternText + @"\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"\Asha256:[a-f0-9]{64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Sha256Pattern();
}
