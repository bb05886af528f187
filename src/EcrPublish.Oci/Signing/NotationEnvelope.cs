using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;

namespace EcrPublish.Signing;

/// <summary>The parts of a JWS JSON (flattened) Notation envelope: decoded header and payload, the signing input, the signature and <c>x5c</c>.</summary>
internal sealed record NotationEnvelope(JsonObject Header, JsonObject Payload, string SigningInput, byte[] Signature, string Algorithm, IReadOnlyList<X509Certificate2> Chain)
{
    private static readonly HashSet<string> s_algorithms = ["ES256", "ES384", "ES512", "PS256", "PS384", "PS512"];

    /// <exception cref="FormatException">A part is missing or not what JWS says it is.</exception>
    public static NotationEnvelope Parse(ReadOnlySpan<byte> json)
    {
        var root = JsonNode.Parse(json) as JsonObject ?? throw new FormatException("not a JSON object");
        var encodedHeader = (string?)root["protected"] ?? throw new FormatException("no protected header");
        var encodedPayload = (string?)root["payload"] ?? throw new FormatException("no payload");
        var signature = Base64Url.Decode((string?)root["signature"] ?? throw new FormatException("no signature"));
        var header = JsonNode.Parse(Base64Url.Decode(encodedHeader)) as JsonObject ?? throw new FormatException("the protected header is not a JSON object");
        var payload = JsonNode.Parse(Base64Url.Decode(encodedPayload)) as JsonObject ?? throw new FormatException("the payload is not a JSON object");
        var algorithm = (string?)header["alg"];
        if (algorithm is null || !s_algorithms.Contains(algorithm))
        {
            throw new FormatException($"its algorithm '{algorithm}' is not one Notation signs with (ES256, ES384, ES512, PS256, PS384, PS512)");
        }

        var chain = (root["header"]?["x5c"] as JsonArray ?? [])
            .Select(certificate => new X509Certificate2(Convert.FromBase64String((string?)certificate ?? throw new FormatException("an x5c entry is not a string"))))
            .ToList();
        return new NotationEnvelope(header, payload, encodedHeader + "." + encodedPayload, signature, algorithm, chain);
    }
}
