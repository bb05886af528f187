using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using EcrPublish.Images;

namespace EcrPublish.Core.Tests.Signing;

/// <summary>
/// Notation JWS envelopes written here from the spec with BCL keys (not with EcrPublish's signer), parts replaceable so
/// that each test can break exactly one thing; and test certificates.
/// </summary>
internal static class TestEnvelope
{
    public static readonly Descriptor Image = new("application/vnd.oci.image.manifest.v1+json", "sha256:" + new string('a', 64), 1234);

    public static JsonObject Header(string algorithm = "ES256") => new()
    {
        ["alg"] = algorithm,
        ["cty"] = "application/vnd.cncf.notary.payload.v1+json",
        ["crit"] = new JsonArray("io.cncf.notary.signingScheme"),
        ["io.cncf.notary.signingScheme"] = "notary.x509",
        ["io.cncf.notary.signingTime"] = "2026-12-05T12:00:00Z",
    };

    public static JsonObject Payload(Descriptor target) => new()
    {
        ["targetArtifact"] = new JsonObject { ["mediaType"] = target.MediaType, ["digest"] = target.Digest, ["size"] = target.Size },
    };

    /// <summary>An envelope over <paramref name="payload"/> signed by <paramref name="key"/> (ECDSA: r||s; RSA: PSS), x5c = <paramref name="chain"/>.</summary>
    public static byte[] Sign(AsymmetricAlgorithm key, JsonObject header, JsonObject payload, params X509Certificate2[] chain)
    {
        var encodedHeader = Base64Url(Encoding.UTF8.GetBytes(header.ToJsonString()));
        var encodedPayload = Base64Url(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        var input = Encoding.ASCII.GetBytes(encodedHeader + "." + encodedPayload);
        var hash = ((string?)header["alg"])?[^3..] switch
        {
            "384" => HashAlgorithmName.SHA384,
            "512" => HashAlgorithmName.SHA512,
            _ => HashAlgorithmName.SHA256,
        };
        var signature = key switch
        {
            ECDsa ecdsa => ecdsa.SignData(input, hash),
            RSA rsa => rsa.SignData(input, hash, RSASignaturePadding.Pss),
            _ => throw new ArgumentException("ECDSA or RSA", nameof(key)),
        };
        return Envelope(encodedHeader, encodedPayload, Base64Url(signature), chain);
    }

    public static byte[] Envelope(string encodedHeader, string encodedPayload, string encodedSignature, params X509Certificate2[] chain) =>
        Encoding.UTF8.GetBytes(new JsonObject
        {
            ["payload"] = encodedPayload,
            ["protected"] = encodedHeader,
            ["header"] = new JsonObject { ["x5c"] = new JsonArray([.. chain.Select(certificate => (JsonNode)Convert.ToBase64String(certificate.RawData))]) },
            ["signature"] = encodedSignature,
        }.ToJsonString());

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>A self-signed CA certificate (with its key).</summary>
    public static X509Certificate2 CreateCa(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }

    /// <summary>A leaf certificate for <paramref name="key"/> that <paramref name="ca"/> issued, for <paramref name="usage"/> (code signing unless told).</summary>
    public static X509Certificate2 CreateLeaf(X509Certificate2 ca, ECDsa key, string name, string usage = "1.3.6.1.5.5.7.3.3")
    {
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        return request.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddMonths(6), RandomNumberGenerator.GetBytes(8));
    }

    public static string DataFile(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Signing", "Data", name));
}
