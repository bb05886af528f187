using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EcrPublish.Signing;

/// <summary>
/// A self-signed leaf for a signing key that has no certificate: digital signature key usage and the code-signing
/// extended key usage Notation's <c>notary.x509</c> scheme wants. Verifiers must put it in their trust store.
/// </summary>
public static class SelfSignedSigningCertificate
{
    /// <summary>Makes the certificate of <paramref name="key"/> (ECDSA or RSA) named <paramref name="subject"/>, valid from five minutes before <paramref name="now"/> for <paramref name="validity"/>.</summary>
    public static X509Certificate2 Create(AsymmetricAlgorithm key, string subject, DateTimeOffset now, TimeSpan validity)
    {
        var request = key switch
        {
            ECDsa ecdsa => new CertificateRequest(subject, ecdsa, HashAlgorithmName.SHA256),
            RSA rsa => new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            _ => throw new ArgumentException($"A {key?.GetType().Name} key cannot sign a certificate.", nameof(key)),
        };
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.3")], false));
        return request.CreateSelfSigned(now.AddMinutes(-5), now + validity);
    }
}
