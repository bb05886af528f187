using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcrPublish.Images;

/// <summary>An OCI content descriptor: what a manifest or index says about one blob or child manifest.</summary>
public sealed record Descriptor(string MediaType, string Digest, long Size)
{
    public Platform? Platform { get; init; }

    public IReadOnlyDictionary<string, string>? Annotations { get; init; }

    /// <summary>The <c>artifactType</c> of an OCI 1.1 artifact manifest, as a referrers list names it; null for image content.</summary>
    public string? ArtifactType { get; init; }

    internal void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("mediaType", MediaType);
        writer.WriteString("digest", Digest);
        writer.WriteNumber("size", Size);
        if (ArtifactType is not null)
        {
            writer.WriteString("artifactType", ArtifactType);
        }

        if (Platform is not null)
        {
            writer.WriteStartObject("platform");
            writer.WriteString("architecture", Platform.Architecture);
            writer.WriteString("os", Platform.Os);
            if (Platform.Variant is not null)
            {
                writer.WriteString("variant", Platform.Variant);
            }

            writer.WriteEndObject();
        }

        ImageJson.WriteAnnotations(writer, Annotations);
        writer.WriteEndObject();
    }

    internal static Descriptor Parse(JsonNode node, string defaultMediaType)
    {
        var mediaType = node["mediaType"]?.GetValue<string>() ?? defaultMediaType;
        var digest = node["digest"]?.GetValue<string>() ?? throw new FormatException("descriptor without digest");
        var size = node["size"]?.GetValue<long>() ?? throw new FormatException("descriptor without size");
        Platform? platform = null;
        if (node["platform"] is JsonObject p)
        {
            platform = new Platform(
                p["os"]?.GetValue<string>() ?? "",
                p["architecture"]?.GetValue<string>() ?? "",
                p["variant"]?.GetValue<string>());
        }

        Dictionary<string, string>? annotations = null;
        if (node["annotations"] is JsonObject a)
        {
            annotations = a.ToDictionary(pair => pair.Key, pair => pair.Value?.GetValue<string>() ?? "", StringComparer.Ordinal);
        }

        return new Descriptor(mediaType, digest, size)
        {
            Platform = platform,
            Annotations = annotations,
            ArtifactType = node["artifactType"]?.GetValue<string>(),
        };
    }
}
