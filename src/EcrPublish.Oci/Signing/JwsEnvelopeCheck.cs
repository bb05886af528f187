using EcrPublish.Images;

namespace EcrPublish.Signing;

/// <summary>
/// <see cref="ISignatureEnvelopeCheck"/> by the same <see cref="NotationSignatureVerifier"/> that <c>dotnet ecr verify</c>
/// runs, trusting only the given key: a signature the publish keeps is one verify accepts.
/// </summary>
/// <param name="time">The clock the envelope's expiry is checked against.</param>
public sealed class JwsEnvelopeCheck(TimeProvider? time = null) : ISignatureEnvelopeCheck
{
    public bool IsValidSignature(byte[] envelope, Descriptor subject, byte[] publicKeyInfo)
    {
        ArgumentNullException.ThrowIfNull(subject);
        SignatureTrust trust;
        try
        {
            trust = SignatureTrust.FromSubjectPublicKeyInfo(publicKeyInfo);
        }
        catch (FormatException)
        {
            return false;
        }

        using (trust)
        {
            return new NotationSignatureVerifier(trust, time).Verify(envelope, subject).IsValid;
        }
    }
}
