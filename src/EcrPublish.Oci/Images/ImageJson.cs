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
}
