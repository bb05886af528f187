using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcrPublish.Images;

/// <summary>An image manifest (OCI or Docker v2 schema 2): a config blob and the layers, bottom first.</summary>
public sealed record ImageManifest(string MediaType, Descriptor Config, IReadOnlyList<Descriptor> Layers)
{
    /// <summary>The OCI 1.1 <c>artifactType</c> of an artifact manifest (an SBOM, a signature); null for images.</summary>
    public string? ArtifactType { get; init; }

    /// <summary>The manifest or index this artifact refers to (OCI 1.1 <c>subject</c>); null for images.</summary>
    public Descriptor? Subject { get; init; }

    public IReadOnlyDictionary<string, string>? Annotations { get; init; }

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
            if (ArtifactType is not null)
            {
                writer.WriteString("artifactType", ArtifactType);
            }

            writer.WritePropertyName("config");
            Config.WriteTo(writer);
            writer.WriteStartArray("layers");
            foreach (var layer in Layers)
            {
                layer.WriteTo(writer);
            }

            writer.WriteEndArray();
            if (Subject is not null)
            {
                writer.WritePropertyName("subject");
                Subject.WriteTo(writer);
            }

            ImageJson.WriteAnnotations(writer, Annotations);
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
        var annotations = (node["annotations"] as JsonObject)?.ToDictionary(pair => pair.Key, pair => pair.Value?.GetValue<string>() ?? "", StringComparer.Ordinal);
        return new ImageManifest(type, config, layers)
        {
            ArtifactType = node["artifactType"]?.GetValue<string>(),
            Subject = node["subject"] is { } subject ? Descriptor.Parse(subject, MediaTypes.OciManifest) : null,
            Annotations = annotations,
        };
    }
}
