using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using EcrPublish.Signing;
using EcrPublish.Testing;

namespace EcrPublish.IntegrationTests.Signing;

/// <summary>
/// Verifies a Notation JWS envelope with openssl: the exact signing input (<c>protected.payload</c>), the signature
/// (ES*: JWS r||s re-encoded as the DER openssl reads) and a public key openssl takes from a PEM file.
/// </summary>
internal static class OpensslEnvelopeCheck
{
    /// <summary>openssl's verdict on <paramref name="envelope"/> with <paramref name="publicKeyPem"/> (a file); the x5c leaf's key when null.</summary>
    public static async Task<ProcessResult> VerifyAsync(byte[] envelope, string directory, string? publicKeyPem = null)
    {
        using var document = JsonDocument.Parse(envelope);
        var root = document.RootElement;
        var encodedHeader = root.GetProperty("protected").GetString()!;
        using var header = JsonDocument.Parse(Base64Url.Decode(encodedHeader));
        var algorithm = header.RootElement.GetProperty("alg").GetString()!;
        var input = Path.Combine(directory, "jws-input");
        var signatureFile = Path.Combine(directory, "jws-signature");
        await File.WriteAllBytesAsync(input, Encoding.ASCII.GetBytes(encodedHeader + "." + root.GetProperty("payload").GetString()));
        var signature = Base64Url.Decode(root.GetProperty("signature").GetString()!);
        await File.WriteAllBytesAsync(signatureFile, algorithm.StartsWith("ES", StringComparison.Ordinal) ? Der(signature) : signature);
        if (publicKeyPem is null)
        {
            var leaf = Path.Combine(directory, "x5c-leaf.pem");
            using var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(root.GetProperty("header").GetProperty("x5c")[0].GetString()!));
            await File.WriteAllTextAsync(leaf, certificate.ExportCertificatePem());
            publicKeyPem = Path.Combine(directory, "x5c-leaf-public.pem");
            (await ProcessRunner.RunAsync("openssl", ["x509", "-in", leaf, "-noout", "-pubkey", "-out", publicKeyPem])).EnsureSuccess();
        }

        var digest = "-sha" + algorithm[2..];
        string[] padding = algorithm.StartsWith("PS", StringComparison.Ordinal)
            ? ["-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:" + (int.Parse(algorithm[2..], System.Globalization.CultureInfo.InvariantCulture) / 8)]
            : [];
        return await ProcessRunner.RunAsync("openssl", ["dgst", digest, .. padding, "-verify", publicKeyPem, "-signature", signatureFile, input]);
    }

    // JWS carries ECDSA as r||s (RFC 7518 §3.4); openssl reads the DER SEQUENCE { r INTEGER, s INTEGER }.
    private static byte[] Der(byte[] raw)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteIntegerUnsigned(raw.AsSpan(0, raw.Length / 2));
            writer.WriteIntegerUnsigned(raw.AsSpan(raw.Length / 2));
        }

        return writer.Encode();
    }
}
