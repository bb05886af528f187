using System.Buffers;
using System.Security.Cryptography;

namespace EcrPublish.Images;

/// <summary>SHA-256 content digests in the <c>sha256:&lt;hex&gt;</c> form registries use.</summary>
public static class ContentDigest
{
    public const string Prefix = "sha256:";

    private static readonly SearchValues<char> LowerHex = SearchValues.Create("0123456789abcdef");

    public static string Of(ReadOnlySpan<byte> content) => FromHash(SHA256.HashData(content));

    public static string Of(Stream content) => FromHash(SHA256.HashData(content));

    public static string FromHash(ReadOnlySpan<byte> hash) => Prefix + Convert.ToHexString(hash).ToLowerInvariant();

    /// <summary>The hex part of a digest, used as a file name in content-addressed stores.</summary>
    public static string Hex(string digest)
    {
        if (!IsValid(digest))
        {
            throw new ArgumentException($"'{digest}' is not a sha256 digest.", nameof(digest));
        }

        return digest[Prefix.Length..];
    }

    public static bool IsValid(string? digest) =>
        digest is { Length: 71 } && digest.StartsWith(Prefix, StringComparison.Ordinal) &&
        digest.AsSpan(Prefix.Length).IndexOfAnyExcept(LowerHex) < 0;
}
