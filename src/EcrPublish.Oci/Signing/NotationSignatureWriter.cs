using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using EcrPublish.Images;
using EcrPublish.Registry;

namespace EcrPublish.Signing;

/// <summary>
/// Makes a Notary Project (Notation) signature of one image as a referrer artifact: a JWS envelope (JSON serialization,
/// <see cref="NotationMediaTypes.JwsEnvelope"/>, scheme <c>notary.x509</c>, chain in <c>x5c</c>) over the payload
/// <c>{"targetArtifact": subject}</c>, carried as the one layer of a manifest with artifactType
/// <see cref="NotationMediaTypes.SignatureArtifactType"/>, the empty config and the thumbprint and created annotations
/// (signature-specification.md, signature-envelope-jws.md). docs/supply-chain.md lists every field.
/// </summary>
public static class NotationSignatureWriter
{
    /// <summary>The signature of <paramref name="subject"/> by <paramref name="signer"/> at <paramref name="signingTime"/>; its manifest is <c>ManifestFor(subject)</c>.</summary>
    public static async Task<ReferrerArtifact> CreateAsync(Descriptor subject, ISignatureSigner signer, DateTimeOffset signingTime, string signingAgent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(signer);
        var target = new JsonObject { ["mediaType"] = subject.MediaType, ["digest"] = subject.Digest, ["size"] = subject.Size };
        var time = signingTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var header = new JsonObject
        {
            ["alg"] = signer.Algorithm.Name,
            ["cty"] = NotationMediaTypes.Payload,
            ["crit"] = new JsonArray(NotationMediaTypes.SigningSchemeHeader),
            [NotationMediaTypes.SigningSchemeHeader] = NotationMediaTypes.X509Scheme,
            [NotationMediaTypes.SigningTimeHeader] = time,
        };
        var encodedHeader = Base64Url.Encode(Encoding.UTF8.GetBytes(header.ToJsonString()));
        var encodedPayload = Base64Url.Encode(Encoding.UTF8.GetBytes(new JsonObject { ["targetArtifact"] = target }.ToJsonString()));
        var signature = await signer.SignAsync(Encoding.ASCII.GetBytes(encodedHeader + "." + encodedPayload), cancellationToken).ConfigureAwait(false);
        var envelope = new JsonObject
        {
            ["payload"] = encodedPayload,
            ["protected"] = encodedHeader,
            ["header"] = new JsonObject
            {
                ["x5c"] = new JsonArray([.. signer.CertificateChain.Select(certificate => (JsonNode)Convert.ToBase64String(certificate.RawData))]),
                [NotationMediaTypes.SigningAgentHeader] = signingAgent,
            },
            ["signature"] = Base64Url.Encode(signature),
        };
        var thumbprints = new JsonArray([.. signer.CertificateChain.Select(certificate => (JsonNode)Convert.ToHexString(SHA256.HashData(certificate.RawData)).ToLowerInvariant())]);
        return new ReferrerArtifact(NotationMediaTypes.SignatureArtifactType, NotationMediaTypes.JwsEnvelope, Encoding.UTF8.GetBytes(envelope.ToJsonString()))
        {
            Annotations = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                [NotationMediaTypes.ThumbprintAnnotation] = thumbprints.ToJsonString(),
                [NotationMediaTypes.CreatedAnnotation] = time,
            },
        };
    }
}
