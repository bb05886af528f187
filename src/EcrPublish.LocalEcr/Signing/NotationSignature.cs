using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Storage;

namespace EcrPublish.LocalEcr.Signing;

/// <summary>
/// A Notary Project (Notation) signature of one image, as ECR's managed signing stores it: an OCI manifest with
/// artifactType <c>application/vnd.cncf.notary.signature</c> whose <c>subject</c> is the signed image and whose one
/// layer is a JWS envelope (<c>application/jose+json</c>, scheme <c>notary.x509</c>, ES256, certificate in <c>x5c</c>)
/// over the image's descriptor (https://github.com/notaryproject/specifications, signature-specification.md).
/// </summary>
internal sealed record NotationSignature(byte[] Manifest, byte[] Envelope, byte[] Config)
{
    public const string ArtifactType = "application/vnd.cncf.notary.signature";
    private const string EnvelopeMediaType = "application/jose+json";
    private const string EmptyMediaType = "application/vnd.oci.empty.v1+json";

    public static NotationSignature Create(ImageRecord image, SigningKey key, string signingProfileArn, DateTimeOffset now)
    {
        var target = Descriptor(image.ManifestMediaType, image.Digest, image.ManifestSize);
        var signingTime = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var header = new JsonObject
        {
            ["alg"] = "ES256",
            ["cty"] = "application/vnd.cncf.notary.payload.v1+json",
            ["crit"] = new JsonArray("io.cncf.notary.signingScheme"),
            ["io.cncf.notary.signingScheme"] = "notary.x509",
            ["io.cncf.notary.signingTime"] = signingTime,
        };
        var encodedHeader = Base64Url(Encoding.UTF8.GetBytes(header.ToJsonString()));
        var encodedPayload = Base64Url(Encoding.UTF8.GetBytes(new JsonObject { ["targetArtifact"] = target }.ToJsonString()));
        var signature = key.Key.SignData(Encoding.ASCII.GetBytes(encodedHeader + "." + encodedPayload), HashAlgorithmName.SHA256);
        var envelope = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["payload"] = encodedPayload,
            ["protected"] = encodedHeader,
            ["header"] = new JsonObject
            {
                ["x5c"] = new JsonArray(Convert.ToBase64String(key.Certificate.RawData)),
                ["io.cncf.notary.signingAgent"] = "LocalEcr managed signing (" + signingProfileArn + ")",
            },
            ["signature"] = Base64Url(signature),
        }.ToJsonString());

        var config = "{}"u8.ToArray();
        var thumbprint = Convert.ToHexString(SHA256.HashData(key.Certificate.RawData)).ToLowerInvariant();
        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = ManifestMediaTypes.OciManifest,
            ["artifactType"] = ArtifactType,
            ["config"] = Descriptor(EmptyMediaType, BlobStore.DigestOf(config), config.Length),
            ["layers"] = new JsonArray(Descriptor(EnvelopeMediaType, BlobStore.DigestOf(envelope), envelope.Length)),
            ["subject"] = Descriptor(image.ManifestMediaType, image.Digest, image.ManifestSize),
            ["annotations"] = new JsonObject
            {
                ["io.cncf.notary.x509chain.thumbprint#S256"] = new JsonArray(thumbprint).ToJsonString(),
                ["org.opencontainers.image.created"] = signingTime,
            },
        };
        return new NotationSignature(Encoding.UTF8.GetBytes(manifest.ToJsonString()), envelope, config);
    }

    private static JsonObject Descriptor(string mediaType, string digest, long size) => new()
    {
        ["mediaType"] = mediaType,
        ["digest"] = digest,
        ["size"] = size,
    };

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
