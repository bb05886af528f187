using EcrPublish.Images;

namespace EcrPublish.Signing;

/// <summary>
/// Decides whether a signature envelope already in the registry is a valid signature of an image by a given key, so
/// a re-publish does not sign again (ECDSA signatures differ every time).
/// </summary>
public interface ISignatureEnvelopeCheck
{
    /// <summary>
    /// Whether <paramref name="envelope"/> (a Notation JWS envelope) signs exactly <paramref name="subject"/> and verifies
    /// with the key whose SubjectPublicKeyInfo is <paramref name="publicKeyInfo"/>. Never throws for a bad envelope.
    /// </summary>
    bool IsValidSignature(byte[] envelope, Descriptor subject, byte[] publicKeyInfo);
}
