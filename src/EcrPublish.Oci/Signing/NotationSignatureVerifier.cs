using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcrPublish.Images;
using EcrPublish.Verification;

namespace EcrPublish.Signing;

/// <summary>
/// Verifies a Notary Project (Notation) JWS signature envelope (<c>application/jose+json</c>) against the image it is
/// attached to, as https://github.com/notaryproject/specifications (signature-envelope-jws.md, signature-specification.md)
/// describe it: the protected header (alg ES256/ES384/PS256/PS384, cty, crit naming only headers Notation defines),
/// the payload's <c>targetArtifact</c> equal to the image's descriptor, and the signature over
/// <c>ASCII(protected "." payload)</c> with the given key, or with the leaf of <c>x5c</c> once that chain builds to a
/// trusted certificate (code signing, when the certificates say what they are for).
/// </summary>
public sealed class NotationSignatureVerifier(SignatureTrust trust, TimeProvider? time = null)
{
    private const string ExpiryHeader = "io.cncf.notary.expiry";
    private static readonly Oid s_codeSigning = new("1.3.6.1.5.5.7.3.3");

    // The headers Notation may mark critical; any other is one this verifier does not understand, so the JWS must be rejected (RFC 7515 4.1.11).
    private static readonly HashSet<string> s_knownCritical =
    [
        NotationMediaTypes.SigningSchemeHeader, ExpiryHeader, "io.cncf.notary.authenticSigningTime", "io.cncf.notary.verificationPlugin", "io.cncf.notary.verificationPluginMinVersion",
    ];

    private static readonly HashSet<string> s_signingSchemes = [NotationMediaTypes.X509Scheme, "notary.x509.signingAuthority"];

    /// <summary>Verifies <paramref name="envelope"/> as a signature of <paramref name="subject"/>.</summary>
    public SignatureVerification Verify(ReadOnlySpan<byte> envelope, Descriptor subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        NotationEnvelope parsed;
        try
        {
            parsed = NotationEnvelope.Parse(envelope);
        }
        catch (Exception error) when (error is JsonException or FormatException or InvalidOperationException or CryptographicException)
        {
            return SignatureVerification.Failed(VerificationErrorCodes.EnvelopeInvalid, $"the envelope is not a Notation JWS envelope ({error.Message})");
        }

        var leaf = parsed.Chain.Count > 0 ? parsed.Chain[0] : null;
        var signer = leaf?.Subject;
        try
        {
            return CheckHeader(parsed.Header)
                ?? CheckKey(parsed, leaf)
                ?? CheckTarget(parsed.Payload, subject)
                ?? new SignatureVerification(null, $"{parsed.Algorithm} signature" + (signer is null ? "" : $" by '{signer}'"), signer);
        }
        finally
        {
            foreach (var certificate in parsed.Chain)
            {
                certificate.Dispose();
            }
        }
    }

    private SignatureVerification? CheckHeader(JsonObject header)
    {
        if ((string?)header["cty"] != NotationMediaTypes.Payload)
        {
            return Invalid($"its content type (cty) is '{(string?)header["cty"]}', not '{NotationMediaTypes.Payload}'");
        }

        var critical = header["crit"] as JsonArray;
        var names = critical?.Select(name => name is JsonValue value && value.TryGetValue<string>(out var text) ? text : null).ToList() ?? [];
        if (names.Exists(name => name is null || !s_knownCritical.Contains(name)))
        {
            var unknown = names.Find(name => name is null || !s_knownCritical.Contains(name)) ?? "(not a string)";
            return Invalid($"it marks '{unknown}' critical, a header this verifier does not understand");
        }

        if (!names.Contains(NotationMediaTypes.SigningSchemeHeader) || names.Any(name => header[name!] is null))
        {
            return Invalid($"its crit must list '{NotationMediaTypes.SigningSchemeHeader}', and every header it lists must be present");
        }

        if ((string?)header[NotationMediaTypes.SigningSchemeHeader] is not { } scheme || !s_signingSchemes.Contains(scheme))
        {
            return Invalid($"its signing scheme is '{(string?)header[NotationMediaTypes.SigningSchemeHeader]}', not notary.x509 or notary.x509.signingAuthority");
        }

        if ((string?)header[ExpiryHeader] is { } expiry)
        {
            if (!DateTimeOffset.TryParse(expiry, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var expiresAt))
            {
                return Invalid($"its expiry '{expiry}' is not an RFC 3339 time");
            }

            if (expiresAt <= (time ?? TimeProvider.System).GetUtcNow())
            {
                return SignatureVerification.Failed(VerificationErrorCodes.SignatureInvalid, $"the signature expired at {expiresAt:u}; sign the image again");
            }
        }

        return null;
    }

    private SignatureVerification? CheckKey(NotationEnvelope envelope, X509Certificate2? leaf)
    {
        AsymmetricAlgorithm? key;
        if (trust.PublicKey is { } given)
        {
            key = given;
        }
        else
        {
            if (leaf is null)
            {
                return Invalid("its unprotected header has no certificate chain (x5c), which notary.x509 requires");
            }

            if (BuildsToTrustedCertificate(envelope.Chain) is { } untrusted)
            {
                return SignatureVerification.Failed(VerificationErrorCodes.CertificateUntrusted, untrusted, leaf.Subject);
            }

            key = (AsymmetricAlgorithm?)leaf.GetECDsaPublicKey() ?? leaf.GetRSAPublicKey();
        }

        try
        {
            return VerifiesWith(key, envelope)
                ? null
                : SignatureVerification.Failed(VerificationErrorCodes.SignatureInvalid,
                    $"the {envelope.Algorithm} signature does not verify with {(trust.PublicKey is null ? "the key of the certificate '" + leaf!.Subject + "'" : "the given key")}: the envelope was changed, or another key signed it",
                    leaf?.Subject);
        }
        finally
        {
            if (!ReferenceEquals(key, trust.PublicKey))
            {
                key?.Dispose();
            }
        }
    }

    // The algorithm is the one Notation chooses for the key (NotationAlgorithm); an envelope that names another is refused.
    private static bool VerifiesWith(AsymmetricAlgorithm? key, NotationEnvelope envelope)
    {
        var algorithm = key switch
        {
            ECDsa ecdsa => NotationAlgorithm.ForEcdsa(ecdsa),
            RSA rsa => NotationAlgorithm.ForRsa(rsa.KeySize),
            _ => null,
        };
        if (algorithm is null || algorithm.Name != envelope.Algorithm)
        {
            return false;
        }

        var input = Encoding.ASCII.GetBytes(envelope.SigningInput);
        return key is ECDsa ecdsaKey
            ? ecdsaKey.VerifyData(input, envelope.Signature, algorithm.Hash)
            : ((RSA)key!).VerifyData(input, envelope.Signature, algorithm.Hash, RSASignaturePadding.Pss);
    }

    /// <summary>Null when <paramref name="chain"/> (leaf first) builds to one of the trusted certificates; else why not.</summary>
    private string? BuildsToTrustedCertificate(IReadOnlyList<X509Certificate2> chain)
    {
        var now = (time ?? TimeProvider.System).GetUtcNow();
        if (trust.Certificates!.Any(trusted => trusted.RawData.AsSpan().SequenceEqual(chain[0].RawData)))
        {
            // The signing certificate itself is trusted (e.g. LocalEcr's self-signed one): there is no chain to build, and
            // OpenSSL would refuse a self-signed certificate whose key usage lacks certificate signing as its own issuer.
            return IsDirectlyTrustable(chain[0], now.UtcDateTime);
        }

        using var builder = new X509Chain();
        builder.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        builder.ChainPolicy.CustomTrustStore.AddRange(trust.Certificates!);
        builder.ChainPolicy.ExtraStore.AddRange(chain.Skip(1).ToArray());
        // Notation checks revocation through OCSP/CRL when it can; an offline verifier has no revocation source.
        builder.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        builder.ChainPolicy.VerificationTime = now.UtcDateTime;
        // Certificates without an extended key usage are good for any use; those with one must allow code signing.
        builder.ChainPolicy.ApplicationPolicy.Add(s_codeSigning);
        if (builder.Build(chain[0]))
        {
            return null;
        }

        var problems = builder.ChainStatus.Select(status => status.StatusInformation.Trim()).Where(text => text.Length > 0).Distinct(StringComparer.Ordinal);
        return $"the certificate chain of '{chain[0].Subject}' does not build to the given certificate ({string.Join("; ", problems)}); pass the CA that issued the signing certificate, or the signing certificate itself";
    }

    private static string? IsDirectlyTrustable(X509Certificate2 certificate, DateTime now)
    {
        if (now < certificate.NotBefore.ToUniversalTime() || now > certificate.NotAfter.ToUniversalTime())
        {
            return $"the signing certificate '{certificate.Subject}' is valid from {certificate.NotBefore.ToUniversalTime():u} to {certificate.NotAfter.ToUniversalTime():u}, not now";
        }

        var usages = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().SelectMany(extension => extension.EnhancedKeyUsages.Cast<Oid>()).ToList();
        return usages.Count == 0 || usages.Exists(usage => usage.Value == s_codeSigning.Value)
            ? null
            : $"the signing certificate '{certificate.Subject}' is not for code signing (its extended key usage does not include 1.3.6.1.5.5.7.3.3)";
    }

    private static SignatureVerification? CheckTarget(JsonObject payload, Descriptor subject)
    {
        var target = payload["targetArtifact"] as JsonObject;
        if (target is null)
        {
            return Invalid("its payload has no targetArtifact");
        }

        var digest = (string?)target["digest"];
        var size = target["size"] is JsonValue sizeValue && sizeValue.TryGetValue<long>(out var parsedSize) ? parsedSize : -1;
        var mediaType = (string?)target["mediaType"];
        return digest == subject.Digest && size == subject.Size && mediaType == subject.MediaType
            ? null
            : SignatureVerification.Failed(VerificationErrorCodes.SignedTargetMismatch,
                $"it signs {mediaType} {digest} ({size} bytes), not this image, {subject.MediaType} {subject.Digest} ({subject.Size} bytes): it was copied from another image");
    }

    private static SignatureVerification Invalid(string what) => SignatureVerification.Failed(VerificationErrorCodes.EnvelopeInvalid, "the envelope is not one Notation accepts: " + what);
}
