using System.Text.Json;
using EcrPublish.LocalEcr.Validation;

namespace EcrPublish.LocalEcr.Storage;

/// <summary>Reads the facts LocalEcr needs out of an image manifest or index, rejecting anything it cannot store.</summary>
internal static class ManifestReader
{
    /// <param name="content">The exact manifest bytes.</param>
    /// <param name="declaredMediaType">
    /// A media type given beside the manifest (PutImage's <c>imageManifestMediaType</c>). Null on the registry API,
    /// where ECR requires the manifest to carry its own <c>mediaType</c>.
    /// </param>
    public static ManifestFacts Read(ReadOnlySpan<byte> content, string? declaredMediaType)
    {
        JsonElement root;
        try
        {
            var reader = new Utf8JsonReader(content);
            root = JsonElement.ParseValue(ref reader);
        }
        catch (JsonException)
        {
            throw new ManifestInvalidException("Invalid JSON syntax");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ManifestInvalidException("Invalid JSON syntax");
        }

        if (!root.TryGetProperty("schemaVersion", out var schema) || schema.ValueKind != JsonValueKind.Number || !schema.TryGetInt32(out var version) || version != 2)
        {
            throw new ManifestInvalidException("Only schemaVersion 2 manifests are supported");
        }

        var mediaType = StringProperty(root, "mediaType");
        if (mediaType is null)
        {
            mediaType = declaredMediaType ?? throw new ManifestInvalidException(
                "The manifest has no mediaType field; Amazon ECR requires one");
        }
        else if (declaredMediaType is not null && !string.Equals(mediaType, declaredMediaType, StringComparison.Ordinal))
        {
            throw new ManifestInvalidException($"The manifest mediaType '{mediaType}' does not match '{declaredMediaType}'");
        }

        if (!ManifestMediaTypes.IsSupported(mediaType))
        {
            throw new ManifestInvalidException($"Unsupported manifest media type '{mediaType}'");
        }

        var subject = root.TryGetProperty("subject", out var subjectElement) ? DescriptorDigest(subjectElement) : null;
        var annotations = Annotations(root);
        var artifactType = StringProperty(root, "artifactType");
        if (ManifestMediaTypes.IsIndex(mediaType))
        {
            var children = Descriptors(root, "manifests").Select(descriptor => descriptor.Digest).ToList();
            return new ManifestFacts(mediaType, true, null, artifactType, [], children, 0, subject, annotations);
        }

        if (!root.TryGetProperty("config", out var config))
        {
            throw new ManifestInvalidException("The manifest has no config descriptor");
        }

        var configDescriptor = Descriptor(config);
        var layers = Descriptors(root, "layers");
        var blobs = new List<string> { configDescriptor.Digest };
        blobs.AddRange(layers.Select(layer => layer.Digest));
        long size;
        try
        {
            size = checked(configDescriptor.Size + layers.Sum(layer => layer.Size));
        }
        catch (OverflowException)
        {
            throw new ManifestInvalidException("The descriptor sizes add up to more than a 64-bit size");
        }

        return new ManifestFacts(mediaType, false, StringProperty(config, "mediaType"), artifactType, blobs, [], size, subject, annotations);
    }

    /// <summary>The mediaType the config or a layer descriptor of a stored image manifest gives <paramref name="blobDigest"/>; null when none does.</summary>
    public static string? BlobMediaType(ReadOnlySpan<byte> manifest, string blobDigest)
    {
        var reader = new Utf8JsonReader(manifest);
        var root = JsonElement.ParseValue(ref reader);
        var descriptors = root.TryGetProperty("layers", out var layers) && layers.ValueKind == JsonValueKind.Array ? layers.EnumerateArray().ToList() : [];
        if (root.TryGetProperty("config", out var config))
        {
            descriptors.Add(config);
        }

        return descriptors
            .Where(descriptor => descriptor.ValueKind == JsonValueKind.Object && StringProperty(descriptor, "digest") == blobDigest)
            .Select(descriptor => StringProperty(descriptor, "mediaType"))
            .FirstOrDefault(mediaType => mediaType is not null);
    }

    private static List<(string Digest, long Size)> Descriptors(JsonElement root, string property)
    {
        if (!root.TryGetProperty(property, out var array))
        {
            return [];
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new ManifestInvalidException($"'{property}' must be an array");
        }

        return array.EnumerateArray().Select(Descriptor).ToList();
    }

    private static (string Digest, long Size) Descriptor(JsonElement element)
    {
        var digest = DescriptorDigest(element);
        if (!element.TryGetProperty("size", out var sizeElement) || sizeElement.ValueKind != JsonValueKind.Number)
        {
            throw new ManifestInvalidException("A descriptor has no size");
        }

        return sizeElement.TryGetInt64(out var size) && size >= 0
            ? (digest, size)
            : throw new ManifestInvalidException($"The size {sizeElement.GetRawText()} of descriptor {digest} is not a whole number of bytes from 0 to {long.MaxValue}");
    }

    private static string DescriptorDigest(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ManifestInvalidException("A descriptor must be an object");
        }

        var digest = StringProperty(element, "digest");
        return DigestRule.IsValid(digest) ? digest! : throw new ManifestInvalidException($"Invalid descriptor digest '{digest}'");
    }

    private static Dictionary<string, string>? Annotations(JsonElement root)
    {
        if (!root.TryGetProperty("annotations", out var annotations) || annotations.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return annotations.EnumerateObject()
            .Where(property => property.Value.ValueKind == JsonValueKind.String)
            .ToDictionary(property => property.Name, property => property.Value.GetString()!, StringComparer.Ordinal);
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
