using System.Security.Cryptography;
using EcrPublish.Core.Tests.Docker;
using EcrPublish.Signing;
using Xunit;

namespace EcrPublish.Core.Tests.Signing;

public sealed class PemSigningKeyTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);
    private readonly TemporaryDirectory _directory = new();

    public static TheoryData<string, string> Keys => new()
    {
        { "SEC1 P-256", "ES256" },
        { "PKCS#8 P-256", "ES256" },
        { "PKCS#8 P-384", "ES384" },
        { "PKCS#1 RSA 2048", "PS256" },
        { "PKCS#8 RSA 3072", "PS384" },
    };

    [Theory]
    [MemberData(nameof(Keys))]
    public void Each_key_format_loads_with_the_algorithm_Notation_assigns_and_a_self_signed_leaf_of_the_key(string format, string algorithm)
    {
        using var key = NewKey(format, out var pem);
        var path = _directory.Write("key.pem", pem);

        using var signer = PemSigningKey.Load(path, certificatePath: null, Now);

        Assert.Equal(algorithm, signer.Algorithm.Name);
        var leaf = Assert.Single(signer.CertificateChain);
        Assert.Equal(key.ExportSubjectPublicKeyInfo(), leaf.PublicKey.ExportSubjectPublicKeyInfo());
        Assert.Equal(leaf.Subject, leaf.Issuer);
        Assert.True(leaf.NotBefore.ToUniversalTime() <= Now.UtcDateTime && Now.UtcDateTime < leaf.NotAfter.ToUniversalTime());
    }

    [Fact]
    public void A_certificate_chain_whose_leaf_holds_the_key_is_used_leaf_first()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var leaf = SelfSignedSigningCertificate.Create(key, "CN=leaf", Now, TimeSpan.FromDays(1));
        var second = SelfSignedSigningCertificate.Create(other, "CN=second", Now, TimeSpan.FromDays(1));
        var keyFile = _directory.Write("key.pem", key.ExportPkcs8PrivateKeyPem());
        var chainFile = _directory.Write("chain.pem", leaf.ExportCertificatePem() + "\n" + second.ExportCertificatePem());

        using var signer = PemSigningKey.Load(keyFile, chainFile, Now);

        Assert.Equal([leaf.Thumbprint, second.Thumbprint], signer.CertificateChain.Select(certificate => certificate.Thumbprint));
    }

    [Fact]
    public void A_certificate_of_another_key_is_ECR8104()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var keyFile = _directory.Write("key.pem", key.ExportPkcs8PrivateKeyPem());
        var chainFile = _directory.Write("chain.pem", SelfSignedSigningCertificate.Create(other, "CN=other", Now, TimeSpan.FromDays(1)).ExportCertificatePem());

        var error = Assert.Throws<SigningException>(() => PemSigningKey.Load(keyFile, chainFile, Now));

        Assert.Equal(SigningErrorCodes.CertificateKeyMismatch, error.Code);
    }

    [Theory]
    [InlineData("a missing file", SigningErrorCodes.KeyFileUnreadable)]
    [InlineData("a certificate only", SigningErrorCodes.KeyUnsupported)]
    [InlineData("an encrypted key", SigningErrorCodes.KeyUnsupported)]
    [InlineData("RSA 1024", SigningErrorCodes.KeyUnsupported)]
    [InlineData("P-256K", SigningErrorCodes.KeyUnsupported)]
    [InlineData("a broken block", SigningErrorCodes.KeyUnsupported)]
    public void Keys_Notation_cannot_sign_with_are_coded_and_name_the_file_not_the_key(string what, string code)
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var content = what switch
        {
            "a certificate only" => SelfSignedSigningCertificate.Create(ecdsa, "CN=x", Now, TimeSpan.FromDays(1)).ExportCertificatePem(),
            "an encrypted key" => ecdsa.ExportEncryptedPkcs8PrivateKeyPem("secret", new PbeParameters(PbeEncryptionAlgorithm.Aes128Cbc, HashAlgorithmName.SHA256, 1000)),
            "RSA 1024" => RSA.Create(1024).ExportRSAPrivateKeyPem(),
            "P-256K" => ECDsa.Create(ECCurve.CreateFromFriendlyName("secP256k1")).ExportECPrivateKeyPem(),
            "a broken block" => "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n",
            _ => null,
        };
        var path = content is null ? Path.Combine(_directory.Path, "missing.pem") : _directory.Write("key.pem", content);

        var error = Assert.Throws<SigningException>(() => PemSigningKey.Load(path, certificatePath: null, Now));

        Assert.Equal(code, error.Code);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        if (content is not null)
        {
            Assert.DoesNotContain(content.Split('\n')[1], error.Message, StringComparison.Ordinal);
        }
    }

    public void Dispose() => _directory.Dispose();

    internal static AsymmetricAlgorithm NewKey(string format, out string pem)
    {
        AsymmetricAlgorithm key = format.Contains("RSA", StringComparison.Ordinal)
            ? RSA.Create(format.EndsWith("3072", StringComparison.Ordinal) ? 3072 : 2048)
            : ECDsa.Create(format.EndsWith("384", StringComparison.Ordinal) ? ECCurve.NamedCurves.nistP384 : ECCurve.NamedCurves.nistP256);
        pem = format switch
        {
            "SEC1 P-256" => ((ECDsa)key).ExportECPrivateKeyPem(),
            "PKCS#1 RSA 2048" => ((RSA)key).ExportRSAPrivateKeyPem(),
            _ => key.ExportPkcs8PrivateKeyPem(),
        };
        return key;
    }
}
