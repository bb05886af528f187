using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcrPublish.Images;

/// <summary>An image manifest (OCI or Docker v2 schema 2): a config blob and the layers, bottom first.</summary>
public sealed record ImageManifest(string MediaType, Descriptor Config, IReadOnlyList<Descriptor> Layers)
{
    /// <summary>The exact bytes pushed; the image digest is the digest of these bytes.</summary>
    public byte[] ToJsonBytes()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, ImageJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("schemaVersion", 2);
            // Always written: ECR rejects an OCI manifest without it.
            writer.WriteString("mediaType", MediaType);
            writer.WritePropertyName("config");
            Config.WriteTo(writer);
            writer.WriteStartArray("layers");
            foreach (var layer in Layers)
            {
                layer.WriteTo(writer);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Reads a manifest; <paramref name="mediaType"/> is the Content-Type it came with, used when the JSON has none.</summary>
    public static ImageManifest Parse(ReadOnlySpan<byte> json, string? mediaType = null)
    {
        var node = JsonNode.Parse(json) ?? throw new FormatException("empty manifest");
        var type = node["mediaType"]?.GetValue<string>() ?? mediaType ?? MediaTypes.OciManifest;
        if (!MediaTypes.IsManifest(type))
        {
            throw new FormatException($"'{type}' is not an image manifest media type");
        }

        var format = ImageFormat.Of(type);
        var config = Descriptor.Parse(node["config"] ?? throw new FormatException("manifest without config"), format.Config);
        var layers = (node["layers"]?.AsArray() ?? [])
            .Select(layer => Descriptor.Parse(layer!, format.LayerGzip))
            .ToList();
        return new ImageManifest(type, config, layers);
    }
}
