using EcrPublish.Images;

namespace EcrPublish.SupplyChain;

/// <summary>Checks the digests the documents name, so a malformed one is a coded error rather than a broken document.</summary>
internal static class SupplyChainDigest
{
    /// <summary>The hex part of a <c>sha256:…</c> digest.</summary>
    public static string Hex(string digest, string what) => ContentDigest.IsValid(digest)
        ? ContentDigest.Hex(digest)
        : throw new SupplyChainException(SupplyChainErrorCodes.DigestInvalid,
            $"The {what} digest '{digest}' is not a sha256:<64 lowercase hex> digest. Pass the digest the registry reports.");
}
