using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using EcrPublish.Images;
using EcrPublish.Signing;
using Xunit;

namespace EcrPublish.Core.Tests.Signing;

/// <summary>
/// The envelope is checked here from its bytes alone with the BCL's verification (ECDsa/RSA.VerifyData with the x5c
/// leaf), not with <see cref="JwsEnvelopeCheck"/>; the openssl checks are in the integration tests.
/// </summary>
public sealed class NotationSignatureWriterTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 12, 0, 7, TimeSpan.Zero);
    private static readonly Descriptor Subject = new(MediaTypes.OciIndex, "sha256:" + new string('a', 64), 1234);

    [Theory]
    [InlineData("PKCS#8 P-256", "ES256")]
    [InlineData("PKCS#1 RSA 2048", "PS256")]
    public async Task The_envelope_alone_verifies_with_its_x5c_leaf_and_signs_the_subject(string format, string algorithm)
    {
        using var signer = Signer(format);

        var artifact = await NotationSignatureWriter.CreateAsync(Subject, signer, Now, "EcrPublish/test", CancellationToken.None);

        using var envelope = JsonDocument.Parse(artifact.Content);
        var root = envelope.RootElement;
        var encodedHeader = root.GetProperty("protected").GetString()!;
        var encodedPayload = root.GetProperty("payload").GetString()!;
        using var header = JsonDocument.Parse(Base64Url.Decode(encodedHeader));
        Assert.Equal(algorithm, header.RootElement.GetProperty("alg").GetString());
        Assert.Equal("application/vnd.cncf.notary.payload.v1+json", header.RootElement.GetProperty("cty").GetString());
        Assert.Equal("notary.x509", header.RootElement.GetProperty("io.cncf.notary.signingScheme").GetString());
        Assert.Equal(["io.cncf.notary.signingScheme"], header.RootElement.GetProperty("crit").EnumerateArray().Select(item => item.GetString()));
        Assert.Equal("2026-12-05T12:00:07Z", header.RootElement.GetProperty("io.cncf.notary.signingTime").GetString());
        using var payload = JsonDocument.Parse(Base64Url.Decode(encodedPayload));
        var target = payload.RootElement.GetProperty("targetArtifact");
        Assert.Equal((Subject.MediaType, Subject.Digest, Subject.Size), (target.GetProperty("mediaType").GetString(), target.GetProperty("digest").GetString(), target.GetProperty("size").GetInt64()));

        using var leaf = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(root.GetProperty("header").GetProperty("x5c")[0].GetString()!));
        var signed = Encoding.ASCII.GetBytes(encodedHeader + "." + encodedPayload);
        var signature = Base64Url.Decode(root.GetProperty("signature").GetString()!);
        var verified = algorithm == "ES256"
            ? leaf.GetECDsaPublicKey()!.VerifyData(signed, signature, HashAlgorithmName.SHA256)
            : leaf.GetRSAPublicKey()!.VerifyData(signed, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
        Assert.True(verified);
        signature[^1] ^= 1;
        Assert.False(algorithm == "ES256"
            ? leaf.GetECDsaPublicKey()!.VerifyData(signed, signature, HashAlgorithmName.SHA256)
            : leaf.GetRSAPublicKey()!.VerifyData(signed, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss));
    }

    [Fact]
    public async Task The_manifest_is_a_notary_signature_referrer_of_the_subject_with_the_chain_thumbprints()
    {
        using var signer = Signer("PKCS#8 P-256");

        var artifact = await NotationSignatureWriter.CreateAsync(Subject, signer, Now, "EcrPublish/test", CancellationToken.None);
        var manifest = ImageManifest.Parse(artifact.ManifestFor(Subject).ToJsonBytes());

        Assert.Equal("application/vnd.cncf.notary.signature", manifest.ArtifactType);
        Assert.Equal(MediaTypes.OciEmpty, manifest.Config.MediaType);
        Assert.Equal("application/jose+json", Assert.Single(manifest.Layers).MediaType);
        Assert.Equal(Subject, manifest.Subject);
        var thumbprint = Convert.ToHexString(SHA256.HashData(signer.CertificateChain[0].RawData)).ToLowerInvariant();
        Assert.Equal($"[\"{thumbprint}\"]", manifest.Annotations!["io.cncf.notary.x509chain.thumbprint#S256"]);
        Assert.Equal("2026-12-05T12:00:07Z", manifest.Annotations["org.opencontainers.image.created"]);
    }

    [Fact]
    public async Task The_check_accepts_the_signature_only_for_its_subject_and_key()
    {
        using var signer = Signer("PKCS#8 P-256");
        using var other = Signer("PKCS#8 P-256");
        var check = new JwsEnvelopeCheck();
        var envelope = (await NotationSignatureWriter.CreateAsync(Subject, signer, Now, "EcrPublish/test", CancellationToken.None)).Content;
        var key = signer.PublicKeyInfo;

        Assert.True(check.IsValidSignature(envelope, Subject, key));
        Assert.False(check.IsValidSignature(envelope, Subject, other.PublicKeyInfo));
        Assert.False(check.IsValidSignature(envelope, Subject with { Size = Subject.Size + 1 }, key));
        Assert.False(check.IsValidSignature(envelope, Subject with { Digest = "sha256:" + new string('b', 64) }, key));
        Assert.False(check.IsValidSignature("{\"payload\":1}"u8.ToArray(), Subject, key));
        Assert.False(check.IsValidSignature("not json"u8.ToArray(), Subject, key));

        // The other key's envelope with this key's certificate swapped in: the signature no longer verifies.
        var forged = Encoding.UTF8.GetString((await NotationSignatureWriter.CreateAsync(Subject, other, Now, "x", CancellationToken.None)).Content)
            .Replace(Convert.ToBase64String(other.CertificateChain[0].RawData), Convert.ToBase64String(signer.CertificateChain[0].RawData), StringComparison.Ordinal);
        Assert.False(check.IsValidSignature(Encoding.UTF8.GetBytes(forged), Subject, key));
    }

    private static LocalKeySigner Signer(string format)
    {
        var key = PemSigningKeyTests.NewKey(format, out _);
        return new LocalKeySigner(key, [SelfSignedSigningCertificate.Create(key, "CN=test", Now, TimeSpan.FromDays(1))]);
    }
}
