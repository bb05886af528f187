using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using EcrPublish.Images;
using EcrPublish.Signing;
using EcrPublish.Verification;
using Xunit;

namespace EcrPublish.Core.Tests.Signing;

/// <summary>
/// The Notation JWS verifier against envelopes openssl made (Data/make-openssl-envelopes.sh: no code of ours signed
/// them) and envelopes written here with BCL keys, each broken in one way: payload, subject, certificate, header.
/// </summary>
public sealed class NotationSignatureVerifierTests
{
    private static readonly Descriptor OpensslTarget = new("application/vnd.oci.image.manifest.v1+json", "sha256:4f1a8d0c1e8b7a4b0d6f6f2c5bd0f0a3c7e8e6b9a1d2c3b4a5f6e7d8c9b0a1f2", 1234);

    [Fact]
    public void An_openssl_ES256_envelope_verifies_with_the_CA_that_issued_its_certificate_and_with_the_public_key()
    {
        var envelope = Encoding.UTF8.GetBytes(TestEnvelope.DataFile("openssl-es256-envelope.json"));
        using var ca = SignatureTrust.FromCertificatePem(TestEnvelope.DataFile("openssl-ca.pem"));
        using var key = SignatureTrust.FromPublicKeyPem(TestEnvelope.DataFile("openssl-es256-public.pem"));

        var byCa = new NotationSignatureVerifier(ca).Verify(envelope, OpensslTarget);
        var byKey = new NotationSignatureVerifier(key).Verify(envelope, OpensslTarget);

        Assert.True(byCa.IsValid, byCa.Detail);
        Assert.Equal("CN=openssl test signer", byCa.Signer);
        Assert.True(byKey.IsValid, byKey.Detail);
    }

    [Fact]
    public void An_openssl_PS256_envelope_verifies_with_its_self_signed_certificate_and_not_for_another_image()
    {
        var envelope = Encoding.UTF8.GetBytes(TestEnvelope.DataFile("openssl-ps256-envelope.json"));
        using var trust = SignatureTrust.FromCertificatePem(TestEnvelope.DataFile("openssl-ps256-certificate.pem"));
        var verifier = new NotationSignatureVerifier(trust);

        var result = verifier.Verify(envelope, OpensslTarget);
        var other = verifier.Verify(envelope, OpensslTarget with { Size = 1235 });

        Assert.True(result.IsValid, result.Detail);
        Assert.Equal(VerificationErrorCodes.SignedTargetMismatch, other.FailureCode);
    }

    [Fact]
    public void An_openssl_envelope_whose_payload_was_changed_does_not_verify()
    {
        var envelope = JsonNode.Parse(TestEnvelope.DataFile("openssl-es256-envelope.json"))!.AsObject();
        var target = TestEnvelope.Payload(OpensslTarget with { Digest = "sha256:" + new string('b', 64) });
        envelope["payload"] = TestEnvelope.Base64Url(Encoding.UTF8.GetBytes(target.ToJsonString()));
        using var ca = SignatureTrust.FromCertificatePem(TestEnvelope.DataFile("openssl-ca.pem"));

        var result = new NotationSignatureVerifier(ca).Verify(Encoding.UTF8.GetBytes(envelope.ToJsonString()), OpensslTarget with { Digest = "sha256:" + new string('b', 64) });

        Assert.Equal(VerificationErrorCodes.SignatureInvalid, result.FailureCode);
    }

    [Theory]
    [InlineData("ES256")]
    [InlineData("ES384")]
    [InlineData("ES512")]
    public void A_BCL_ECDSA_envelope_verifies_through_its_chain_and_with_its_key(string algorithm)
    {
        using var ca = TestEnvelope.CreateCa("test CA");
        using var key = ECDsa.Create(algorithm switch
        {
            "ES256" => ECCurve.NamedCurves.nistP256,
            "ES384" => ECCurve.NamedCurves.nistP384,
            _ => ECCurve.NamedCurves.nistP521,
        });
        using var leaf = TestEnvelope.CreateLeaf(ca, key, "signer");
        var envelope = TestEnvelope.Sign(key, TestEnvelope.Header(algorithm), TestEnvelope.Payload(TestEnvelope.Image), leaf, ca);
        using var caTrust = SignatureTrust.FromCertificatePem(ca.ExportCertificatePem());
        using var keyTrust = SignatureTrust.FromPublicKeyPem(key.ExportSubjectPublicKeyInfoPem());

        Assert.True(new NotationSignatureVerifier(caTrust).Verify(envelope, TestEnvelope.Image).IsValid);
        Assert.True(new NotationSignatureVerifier(keyTrust).Verify(envelope, TestEnvelope.Image).IsValid);
    }

    [Fact]
    public void A_BCL_PS256_envelope_verifies_with_its_RSA_key_and_an_ES256_header_over_an_RSA_key_does_not()
    {
        using var rsa = RSA.Create(2048);
        using var trust = SignatureTrust.FromPublicKeyPem(rsa.ExportSubjectPublicKeyInfoPem());
        var verifier = new NotationSignatureVerifier(trust);

        var good = verifier.Verify(TestEnvelope.Sign(rsa, TestEnvelope.Header("PS256"), TestEnvelope.Payload(TestEnvelope.Image)), TestEnvelope.Image);
        var mislabelled = verifier.Verify(TestEnvelope.Sign(rsa, TestEnvelope.Header("ES256"), TestEnvelope.Payload(TestEnvelope.Image)), TestEnvelope.Image);

        Assert.True(good.IsValid, good.Detail);
        Assert.Equal(VerificationErrorCodes.SignatureInvalid, mislabelled.FailureCode);
    }

    [Theory]
    [InlineData(3072, "PS384")]
    [InlineData(4096, "PS512")]
    public void A_larger_RSA_key_verifies_with_the_algorithm_Notation_chooses_for_its_size_and_not_with_another(int keySize, string algorithm)
    {
        using var rsa = RSA.Create(keySize);
        using var trust = SignatureTrust.FromPublicKeyPem(rsa.ExportSubjectPublicKeyInfoPem());
        var verifier = new NotationSignatureVerifier(trust);

        var good = verifier.Verify(TestEnvelope.Sign(rsa, TestEnvelope.Header(algorithm), TestEnvelope.Payload(TestEnvelope.Image)), TestEnvelope.Image);
        var other = verifier.Verify(TestEnvelope.Sign(rsa, TestEnvelope.Header("PS256"), TestEnvelope.Payload(TestEnvelope.Image)), TestEnvelope.Image);

        Assert.True(good.IsValid, good.Detail);
        Assert.False(other.IsValid);
    }

    [Fact]
    public void A_signature_of_another_image_is_a_target_mismatch()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var trust = SignatureTrust.FromPublicKeyPem(key.ExportSubjectPublicKeyInfoPem());
        var envelope = TestEnvelope.Sign(key, TestEnvelope.Header(), TestEnvelope.Payload(TestEnvelope.Image));

        var result = new NotationSignatureVerifier(trust).Verify(envelope, TestEnvelope.Image with { Digest = "sha256:" + new string('c', 64) });

        Assert.Equal(VerificationErrorCodes.SignedTargetMismatch, result.FailureCode);
        Assert.Contains(TestEnvelope.Image.Digest, result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_key_is_an_invalid_signature()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var trust = SignatureTrust.FromPublicKeyPem(other.ExportSubjectPublicKeyInfoPem());

        var result = new NotationSignatureVerifier(trust).Verify(TestEnvelope.Sign(key, TestEnvelope.Header(), TestEnvelope.Payload(TestEnvelope.Image)), TestEnvelope.Image);

        Assert.Equal(VerificationErrorCodes.SignatureInvalid, result.FailureCode);
    }

    [Fact]
    public void A_certificate_from_another_CA_is_untrusted()
    {
        using var ca = TestEnvelope.CreateCa("issuing CA");
        using var otherCa = TestEnvelope.CreateCa("trusted CA");
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var leaf = TestEnvelope.CreateLeaf(ca, key, "signer");
        using var trust = SignatureTrust.FromCertificatePem(otherCa.ExportCertificatePem());

        var result = new NotationSignatureVerifier(trust).Verify(TestEnvelope.Sign(key, TestEnvelope.Header(), TestEnvelope.Payload(TestEnvelope.Image), leaf, ca), TestEnvelope.Image);

        Assert.Equal(VerificationErrorCodes.CertificateUntrusted, result.FailureCode);
        Assert.Equal("CN=signer", result.Signer);
    }

    [Fact]
    public void A_trusted_certificate_swapped_into_x5c_does_not_make_another_key_s_signature_valid()
    {
        using var ca = TestEnvelope.CreateCa("test CA");
        using var signingKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certifiedKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certified = TestEnvelope.CreateLeaf(ca, certifiedKey, "certified");
        using var trust = SignatureTrust.FromCertificatePem(ca.ExportCertificatePem());

        var result = new NotationSignatureVerifier(trust).Verify(TestEnvelope.Sign(signingKey, TestEnvelope.Header(), TestEnvelope.Payload(TestEnvelope.Image), certified, ca), TestEnvelope.Image);

        Assert.Equal(VerificationErrorCodes.SignatureInvalid, result.FailureCode);
    }

    [Fact]
    public void A_certificate_for_server_authentication_only_is_not_a_signing_certificate()
    {
        using var ca = TestEnvelope.CreateCa("test CA");
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var leaf = TestEnvelope.CreateLeaf(ca, key, "web server", usage: "1.3.6.1.5.5.7.3.1");
        using var trust = SignatureTrust.FromCertificatePem(ca.ExportCertificatePem());

        var result = new NotationSignatureVerifier(trust).Verify(TestEnvelope.Sign(key, TestEnvelope.Header(), TestEnvelope.Payload(TestEnvelope.Image), leaf, ca), TestEnvelope.Image);

        Assert.Equal(VerificationErrorCodes.CertificateUntrusted, result.FailureCode);
    }

    [Fact]
    public void A_signing_certificate_trusted_itself_must_be_for_code_signing()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=self-signed web server", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1));
        using var trust = SignatureTrust.FromCertificatePem(certificate.ExportCertificatePem());

        var result = new NotationSignatureVerifier(trust).Verify(TestEnvelope.Sign(key, TestEnvelope.Header(), TestEnvelope.Payload(TestEnvelope.Image), certificate), TestEnvelope.Image);

        Assert.Equal(VerificationErrorCodes.CertificateUntrusted, result.FailureCode);
    }

    [Theory]
    [InlineData("crit", "[\"io.cncf.notary.signingScheme\",\"x-unknown\"]")]
    [InlineData("crit", "[]")]
    [InlineData("cty", "\"application/json\"")]
    [InlineData("alg", "\"HS256\"")]
    [InlineData("alg", "\"none\"")]
    [InlineData("io.cncf.notary.signingScheme", "\"notary.other\"")]
    public void A_header_Notation_does_not_accept_is_an_invalid_envelope(string name, string value)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var trust = SignatureTrust.FromPublicKeyPem(key.ExportSubjectPublicKeyInfoPem());
        var header = TestEnvelope.Header();
        header[name] = JsonNode.Parse(value);
        if (name == "crit" && value.Contains("x-unknown", StringComparison.Ordinal))
        {
            header["x-unknown"] = "1";
        }

        var result = new NotationSignatureVerifier(trust).Verify(TestEnvelope.Sign(key, header, TestEnvelope.Payload(TestEnvelope.Image)), TestEnvelope.Image);

        Assert.Equal(VerificationErrorCodes.EnvelopeInvalid, result.FailureCode);
    }

    [Fact]
    public void An_expired_signature_is_invalid_and_one_not_yet_expired_is_valid()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var trust = SignatureTrust.FromPublicKeyPem(key.ExportSubjectPublicKeyInfoPem());
        var verifier = new NotationSignatureVerifier(trust);
        byte[] Expiring(string when)
        {
            var header = TestEnvelope.Header();
            header["crit"]!.AsArray().Add("io.cncf.notary.expiry");
            header["io.cncf.notary.expiry"] = when;
            return TestEnvelope.Sign(key, header, TestEnvelope.Payload(TestEnvelope.Image));
        }

        Assert.Equal(VerificationErrorCodes.SignatureInvalid, verifier.Verify(Expiring("2020-01-01T00:00:00Z"), TestEnvelope.Image).FailureCode);
        Assert.True(verifier.Verify(Expiring("2999-01-01T00:00:00Z"), TestEnvelope.Image).IsValid);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"payload\":\"e30\",\"protected\":\"!!\",\"signature\":\"AA\"}")]
    [InlineData("{\"payload\":\"e30\",\"signature\":\"AA\"}")]
    public void Something_that_is_not_a_JWS_envelope_is_an_invalid_envelope(string text)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var trust = SignatureTrust.FromPublicKeyPem(key.ExportSubjectPublicKeyInfoPem());

        Assert.Equal(VerificationErrorCodes.EnvelopeInvalid, new NotationSignatureVerifier(trust).Verify(Encoding.UTF8.GetBytes(text), TestEnvelope.Image).FailureCode);
    }

    [Fact]
    public void Certificate_trust_needs_x5c()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var ca = TestEnvelope.CreateCa("test CA");
        using var trust = SignatureTrust.FromCertificatePem(ca.ExportCertificatePem());

        var result = new NotationSignatureVerifier(trust).Verify(TestEnvelope.Sign(key, TestEnvelope.Header(), TestEnvelope.Payload(TestEnvelope.Image)), TestEnvelope.Image);

        Assert.Equal(VerificationErrorCodes.EnvelopeInvalid, result.FailureCode);
    }

    [Fact]
    public void Trust_files_that_hold_no_key_or_certificate_or_a_private_key_are_refused()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.Throws<FormatException>(() => SignatureTrust.FromPublicKeyPem("hello"));
        Assert.Throws<FormatException>(() => SignatureTrust.FromPublicKeyPem(key.ExportPkcs8PrivateKeyPem()));
        Assert.Throws<FormatException>(() => SignatureTrust.FromCertificatePem(key.ExportSubjectPublicKeyInfoPem()));
    }
}
