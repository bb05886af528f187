using System.Text;
using System.Text.Json;

namespace EcrPublish.Images;

/// <summary>
/// How a base image reference last resolved for a platform, in the layer cache: its top digest, and the platform
/// manifest and config stored as blobs by digest. When the registry names the same top digest again (one HEAD, or none
/// for a reference pinned by digest), the manifest and config are read from here instead of two or three GETs.
/// Everything read back is checked against its digest; anything missing or different is fetched again.
/// </summary>
internal sealed class ResolvedBaseImageCache(LayerCache cache)
{
    private sealed record Entry(string TopDigest, string ManifestDigest, string ManifestMediaType, string ConfigDigest);

    /// <summary>The top digest the reference had when it was last resolved for <paramref name="platform"/>, or null.</summary>
    public string? LastTopDigest(ImageReference reference, Platform platform) => Read(reference, platform)?.TopDigest;

    /// <summary>The base image as resolved before, when its top digest is still <paramref name="topDigest"/> and every part is cached intact.</summary>
    public BaseImage? TryLoad(ImageReference reference, Platform platform, string topDigest)
    {
        if (Read(reference, platform) is not { } entry || entry.TopDigest != topDigest ||
            ReadBlob(entry.ManifestDigest) is not { } manifestBytes || ReadBlob(entry.ConfigDigest) is not { } config)
        {
            return null;
        }

        try
        {
            return new BaseImage(reference, entry.ManifestDigest, ImageManifest.Parse(manifestBytes, entry.ManifestMediaType), config);
        }
        catch (Exception exception) when (exception is FormatException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Records how <paramref name="reference"/> resolved; failures to write only cost the shortcut.</summary>
    public void Store(ImageReference reference, Platform platform, string topDigest, string manifestDigest, string manifestMediaType, byte[] manifest, byte[] config)
    {
        try
        {
            WriteBlob(manifestDigest, manifest);
            var configDigest = ContentDigest.Of(config);
            WriteBlob(configDigest, config);
            Directory.CreateDirectory(Path.GetDirectoryName(EntryPath(reference, platform))!);
            var temporary = cache.NewTemporaryPath();
            File.WriteAllText(temporary, JsonSerializer.Serialize(new[] { topDigest, manifestDigest, manifestMediaType, configDigest }));
            File.Move(temporary, EntryPath(reference, platform), overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The next build resolves from the registry again.
        }
    }

    private Entry? Read(ImageReference reference, Platform platform)
    {
        try
        {
            var path = EntryPath(reference, platform);
            return File.Exists(path) && JsonSerializer.Deserialize<string[]>(File.ReadAllText(path)) is [var top, var manifest, var mediaType, var config] &&
                ContentDigest.IsValid(top) && ContentDigest.IsValid(manifest) && ContentDigest.IsValid(config)
                ? new Entry(top, manifest, mediaType, config)
                : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    private byte[]? ReadBlob(string digest)
    {
        try
        {
            var path = cache.BlobPath(digest);
            if (!File.Exists(path))
            {
                return null;
            }

            var content = File.ReadAllBytes(path);
            return ContentDigest.Of(content) == digest ? content : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private void WriteBlob(string digest, byte[] content)
    {
        if (!cache.HasBlob(digest))
        {
            var temporary = cache.NewTemporaryPath();
            File.WriteAllBytes(temporary, content);
            cache.CommitBlob(temporary, digest);
        }
    }

    private string EntryPath(ImageReference reference, Platform platform) => Path.Combine(cache.Directory, "base-images",
        ContentDigest.Hex(ContentDigest.Of(Encoding.UTF8.GetBytes($"{reference}\n{platform}"))));
}
