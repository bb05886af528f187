using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcrPublish.LocalEcr;

/// <summary>
/// Serialises response JSON the way AWS does: quotes, apostrophes and '+' stay literal (System.Text.Json would write
/// \u0027), which keeps messages greppable. Responses are never embedded in HTML, so the relaxed encoder is safe.
/// </summary>
internal static class JsonOutput
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] ToUtf8Bytes(JsonNode node) => JsonSerializer.SerializeToUtf8Bytes(node, Options);
}
