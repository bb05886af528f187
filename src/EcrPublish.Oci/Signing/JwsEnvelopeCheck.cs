using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcrPublish.Images;

namespace EcrPublish.Signing;

/// <summary>
/// The minimal check of a Notation JWS envelope for <see cref="ISignatureEnvelopeCheck"/>: the scheme and algorithm are
/// Notation's, the payload's target is the subject, the leaf of <c>x5c</c> holds the expected key and the signature
/// verifies with it. Trust (chain to a root, expiry, revocation) is the verifier's business, not this one's.
/// </summary>
public sealed class JwsEnvelopeCheck : ISignatureEnvelopeCheck
{
    public bool IsValidSignature(byte[] envelope, Descriptor subject, byte[] publicKeyInfo)
    {
        ArgumentNullException.ThrowIfNull(subject);
        try
        {
            var root = JsonNode.Parse(envelope);
            if (Text(root?["protected"]) is not { } encodedHeader || Text(root?["payload"]) is not { } encodedPayload
                || Text(root?["signature"]) is not { } signature || Text(root?["header"]?["x5c"]?[0]) is not { } leafText)
            {
                return false;
            }

            var header = JsonNode.Parse(Base64Url.Decode(encodedHeader));
            var target = JsonNode.Parse(Base64Url.Decode(encodedPayload))?["targetArtifact"];
            using var leaf = new X509Certificate2(Convert.FromBase64String(leafText));
            var algorithm = NotationAlgorithm.For(leaf.PublicKey);
            return Text(header?[NotationMediaTypes.SigningSchemeHeader]) == NotationMediaTypes.X509Scheme
                && algorithm is not null && Text(header?["alg"]) == algorithm.Name
                && Text(target?["digest"]) == subject.Digest
                && Text(target?["mediaType"]) == subject.MediaType
                && target?["size"] is JsonValue size && size.TryGetValue<long>(out var length) && length == subject.Size
                && leaf.PublicKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(publicKeyInfo)
                && algorithm.Verify(leaf.PublicKey, Encoding.ASCII.GetBytes(encodedHeader + "." + encodedPayload), Base64Url.Decode(signature));
        }
        catch (Exception error) when (error is JsonException or FormatException or InvalidOperationException or CryptographicException or ArgumentException)
        {
            return false;
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
