using System.Text.Json;

namespace EcrPublish.Registry;

/// <summary>
/// The blobs an image manifest references (config and layers). A registry keeps every blob of a manifest it
/// holds, so a tag's current manifest tells which blobs the repository has without asking for each one.
/// </summary>
public static class ReferencedBlobs
{
    /// <summary>The config and layer digests of an image manifest; none for an index or anything unreadable.</summary>
    public static IReadOnlyList<string> Of(RemoteManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        try
        {
            using var document = JsonDocument.Parse(manifest.Content);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("layers", out var layers) || layers.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            var digests = layers.EnumerateArray().Select(DigestOf).ToList();
            if (root.TryGetProperty("config", out var config))
            {
                digests.Add(DigestOf(config));
            }

            return [.. digests.OfType<string>()];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string? DigestOf(JsonElement descriptor) =>
        descriptor.ValueKind == JsonValueKind.Object && descriptor.TryGetProperty("digest", out var digest) && digest.ValueKind == JsonValueKind.String
            ? digest.GetString()
            : null;
}
