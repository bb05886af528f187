using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcrPublish.Images;

/// <summary>An image index (OCI) or manifest list (Docker): one child manifest per platform.</summary>
public sealed record ImageIndex(string MediaType, IReadOnlyList<Descriptor> Manifests)
{
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }

    public byte[] ToJsonBytes()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, ImageJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("schemaVersion", 2);
            writer.WriteString("mediaType", MediaType);
            writer.WriteStartArray("manifests");
            foreach (var manifest in Manifests)
            {
                manifest.WriteTo(writer);
            }

            writer.WriteEndArray();
            ImageJson.WriteAnnotations(writer, Annotations);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static ImageIndex Parse(ReadOnlySpan<byte> json, string? mediaType = null)
    {
        var node = JsonNode.Parse(json) ?? throw new FormatException("empty index");
        var type = node["mediaType"]?.GetValue<string>() ?? mediaType ?? MediaTypes.OciIndex;
        var manifests = (node["manifests"]?.AsArray() ?? [])
            .Select(child => Descriptor.Parse(child!, MediaTypes.OciManifest))
            .ToList();
        return new ImageIndex(type, manifests);
    }
}
