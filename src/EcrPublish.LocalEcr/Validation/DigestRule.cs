using System.Text.RegularExpressions;

namespace EcrPublish.LocalEcr.Validation;

/// <summary>
/// Digests this server stores content under. Only <c>sha256:</c> with 64 lower-case hex digits is accepted, which is
/// also what makes a digest safe to use as a file name (no separators, no <c>..</c>).
/// </summary>
internal static partial class DigestRule
{
    public static bool IsValid(string? digest) => digest is not null && Sha256Pattern().IsMatch(digest);

    /// <summary>The hex part of a valid digest.</summary>
    public static string Hex(string digest) => digest["sha256:".Length..];

    /// <summary>The general form ECR's API accepts (BatchDeleteImage, BatchGetImage) before it looks the digest up.</summary>
    public static bool IsWellFormed(string? digest) => digest is not null && GeneralPattern().IsMatch(digest);

    [GeneratedRegex("^sha256:[a-f0-9]{64}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Sha256Pattern();

    [GeneratedRegex("^[a-zA-Z0-9-_+.]+:[a-fA-F0-9]+\\z", RegexOptions.CultureInvariant)]
    private static partial Regex GeneralPattern();
}
