using System.Text.Json;
using EcrPublish.FileSystem;

namespace EcrPublish.Images.Packages;

/// <summary>
/// Keeps what <see cref="LayerListingReader"/> read of a layer in the layer cache (<c>listings/&lt;selection&gt;/&lt;hex&gt;.json</c>),
/// by the layer's digest, so a layer is read once per machine: a later publish on the same base image (or another
/// image sharing the layer) reads a few kilobytes from disk instead of the layer from its registry.
/// </summary>
/// <param name="cache">The layer cache the records live in.</param>
/// <param name="selection">Names what the reader kept (its path and text filters), so records of other filters never mix.</param>
public sealed class LayerListingStore(LayerCache cache, string selection)
{
    private readonly string _directory = Path.Combine(cache.Directory, "listings", selection);

    /// <summary>The record's file for the layer <paramref name="digest"/>.</summary>
    public string RecordPath(string digest) => Path.Combine(_directory, ContentDigest.Hex(digest) + ".json");

    /// <summary>The layer's listing as recorded, or null when there is no readable record.</summary>
    public LayerListing? TryLoad(string digest)
    {
        var path = RecordPath(digest);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            return new LayerListing(
                [.. root.GetProperty("paths").EnumerateArray().Select(item => item.GetString()!)],
                [.. root.GetProperty("deleted").EnumerateArray().Select(item => item.GetString()!)],
                root.GetProperty("texts").EnumerateObject().ToDictionary(item => item.Name, item => item.Value.GetString()!, StringComparer.Ordinal));
        }
        catch (Exception exception) when (exception is JsonException or IOException or KeyNotFoundException or InvalidOperationException)
        {
            // A torn or foreign file is read again from the registry and overwritten.
            return null;
        }
    }

    /// <summary>Records the layer's listing (written aside, then moved into place).</summary>
    public void Save(string digest, LayerListing listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        OwnerOnlyFiles.CreateDirectory(_directory);
        var temporary = cache.NewTemporaryPath();
        using (var file = File.Create(temporary))
        using (var json = new Utf8JsonWriter(file))
        {
            json.WriteStartObject();
            json.WriteStartArray("paths");
            foreach (var path in listing.Paths)
            {
                json.WriteStringValue(path);
            }

            json.WriteEndArray();
            json.WriteStartArray("deleted");
            foreach (var path in listing.Deleted)
            {
                json.WriteStringValue(path);
            }

            json.WriteEndArray();
            json.WriteStartObject("texts");
            foreach (var (path, text) in listing.Texts)
            {
                json.WriteString(path, text);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        File.Move(temporary, RecordPath(digest), overwrite: true);
    }
}
