using EcrPublish.EcrRules;

namespace EcrPublish.LocalEcr.Validation;

/// <summary>
/// Digests this server stores content under: <see cref="EcrDigest.IsSha256"/>, which is also what makes a digest
/// safe to use as a file name (no separators, no <c>..</c>).
/// </summary>
internal static class DigestRule
{
    public static bool IsValid(string? digest) => EcrDigest.IsSha256(digest);

    /// <summary>The hex part of a valid digest.</summary>
    public static string Hex(string digest) => EcrDigest.Sha256Hex(digest);

    /// <summary>The general form ECR's API accepts (BatchDeleteImage, BatchGetImage) before it looks the digest up.</summary>
    public static bool IsWellFormed(string? digest) => EcrDigest.IsWellFormed(digest);
}
