using System.Text.Encodings.Web;
using System.Text.Json;

namespace EcrPublish.Images;

/// <summary>
/// JSON settings for manifests, indexes and configs: compact, and without the HTML-safe escaping of
/// the default encoder (which would write "+json" as "\u002Bjson"), the way other image tools write them.
/// </summary>
internal static class ImageJson
{
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly JsonSerializerOptions SerializerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes an <c>annotations</c> object in ordinal key order (so equal maps give equal bytes); nothing when empty.</summary>
    public static void WriteAnnotations(Utf8JsonWriter writer, IReadOnlyDictionary<string, string>? annotations)
    {
        if (annotations is not { Count: > 0 })
        {
            return;
        }

        writer.WriteStartObject("annotations");
        foreach (var (key, value) in annotations.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
    }
}
