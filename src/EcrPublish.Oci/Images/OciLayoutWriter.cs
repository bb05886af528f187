using System.Formats.Tar;
using System.Text;
using EcrPublish.Registry;

namespace EcrPublish.Images;

/// <summary>
/// Writes a built image as an OCI image layout directory, or as a tar that is both an OCI layout and a
/// docker-archive (manifest.json), so <c>docker load</c> of any version takes it. Base layers are fetched
/// into the layer cache when needed.
/// </summary>
public sealed class OciLayoutWriter(LayerCache cache, RegistryClientPool registries)
{
    /// <summary>Writes an OCI layout into <paramref name="directory"/>; <paramref name="tag"/> becomes the ref name.</summary>
    public async Task WriteDirectoryAsync(ImageBuildResult image, string directory, string tag, CancellationToken cancellationToken)
    {
        var blobs = Path.Combine(directory, "blobs", "sha256");
        Directory.CreateDirectory(blobs);
        foreach (var (digest, content, path) in await CollectAsync(image, cancellationToken).ConfigureAwait(false))
        {
            var target = Path.Combine(blobs, ContentDigest.Hex(digest));
            if (content is not null)
            {
                await File.WriteAllBytesAsync(target, content, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                File.Copy(path!, target, overwrite: true);
            }
        }

        await File.WriteAllTextAsync(Path.Combine(directory, "oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}", cancellationToken).ConfigureAwait(false);
        await File.WriteAllBytesAsync(Path.Combine(directory, "index.json"), LayoutIndex(image, tag), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes one tar usable by <c>docker load</c> (docker-archive) and by OCI tools (oci-archive).</summary>
    public async Task WriteArchiveAsync(ImageBuildResult image, string archivePath, string repositoryAndTag, CancellationToken cancellationToken)
    {
        var entries = await CollectAsync(image, cancellationToken).ConfigureAwait(false);
        await using var output = new FileStream(archivePath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        await using var tar = new TarWriter(output, TarEntryFormat.Ustar, leaveOpen: false);
        await WriteBlobsAsync(tar, entries, cancellationToken).ConfigureAwait(false);
        await WriteAsync(tar, "oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}"u8.ToArray(), cancellationToken).ConfigureAwait(false);
        var tag = repositoryAndTag.Contains(':', StringComparison.Ordinal) ? repositoryAndTag[(repositoryAndTag.LastIndexOf(':') + 1)..] : "latest";
        await WriteAsync(tar, "index.json", LayoutIndex(image, tag), cancellationToken).ConfigureAwait(false);
        await WriteAsync(tar, "manifest.json", DockerManifest(image, [repositoryAndTag]), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Streams one platform image as a docker-archive (blobs and <c>manifest.json</c>, no OCI layout) named with every
    /// one of <paramref name="repositoryTags"/>, the form an engine's load API takes; Podman would read an archive that is
    /// also an OCI layout as one, and name the image after the layout's tag alone.
    /// </summary>
    public async Task WriteDockerArchiveAsync(BuiltImage image, IReadOnlyList<string> repositoryTags, Stream output, CancellationToken cancellationToken)
    {
        var single = new ImageBuildResult([image], null, null);
        var entries = await CollectAsync(single, cancellationToken).ConfigureAwait(false);
        await using var tar = new TarWriter(output, TarEntryFormat.Ustar, leaveOpen: true);
        await WriteBlobsAsync(tar, entries, cancellationToken).ConfigureAwait(false);
        await WriteAsync(tar, "manifest.json", DockerManifest(single, repositoryTags), cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteBlobsAsync(TarWriter tar, List<(string Digest, byte[]? Content, string? Path)> entries, CancellationToken cancellationToken)
    {
        foreach (var (digest, content, path) in entries)
        {
            await using var data = content is not null ? (Stream)new MemoryStream(content) : File.OpenRead(path!);
            await WriteAsync(tar, "blobs/sha256/" + ContentDigest.Hex(digest), data, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task WriteAsync(TarWriter tar, string name, byte[] content, CancellationToken cancellationToken)
    {
        using var data = new MemoryStream(content);
        await WriteAsync(tar, name, data, cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteAsync(TarWriter tar, string name, Stream data, CancellationToken cancellationToken)
    {
        var entry = new UstarTarEntry(TarEntryType.RegularFile, name)
        {
            DataStream = data,
            ModificationTime = DateTimeOffset.UnixEpoch,
            Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
        };
        await tar.WriteEntryAsync(entry, cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<(string Digest, byte[]? Content, string? Path)>> CollectAsync(ImageBuildResult image, CancellationToken cancellationToken)
    {
        var result = new List<(string, byte[]?, string?)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var built in image.Images)
        {
            foreach (var blob in built.Blobs.Where(blob => seen.Add(blob.Descriptor.Digest)))
            {
                if (blob.Content is not null)
                {
                    result.Add((blob.Descriptor.Digest, blob.Content, null));
                    continue;
                }

                var path = blob.LocalPath ?? await registries.Get(blob.Origin!.Registry)
                    .DownloadBlobAsync(blob.Origin.Repository, blob.Descriptor.Digest, cache, cancellationToken).ConfigureAwait(false);
                result.Add((blob.Descriptor.Digest, null, path));
            }

            if (seen.Add(built.Digest))
            {
                result.Add((built.Digest, built.ManifestBytes, null));
            }
        }

        if (image.IndexBytes is not null && seen.Add(image.Digest))
        {
            result.Add((image.Digest, image.IndexBytes, null));
        }

        return result;
    }

    private static byte[] LayoutIndex(ImageBuildResult image, string tag)
    {
        var top = new Descriptor(image.MediaType, image.Digest, image.TopManifestBytes.Length)
        {
            Annotations = new Dictionary<string, string> { ["org.opencontainers.image.ref.name"] = tag },
        };
        return new ImageIndex(MediaTypes.OciIndex, [top]).ToJsonBytes();
    }

    // docker load (any version) reads manifest.json: one entry per platform image, the first carries the names.
    private static byte[] DockerManifest(ImageBuildResult image, IReadOnlyList<string> repositoryTags)
    {
        var builder = new StringBuilder("[");
        for (var i = 0; i < image.Images.Count; i++)
        {
            var built = image.Images[i];
            builder.Append(i == 0 ? "" : ",")
                .Append("{\"Config\":\"blobs/sha256/").Append(ContentDigest.Hex(built.Manifest.Config.Digest)).Append("\",")
                .Append("\"RepoTags\":[").AppendJoin(',', i == 0 ? repositoryTags.Select(name => System.Text.Json.JsonSerializer.Serialize(name)) : []).Append("],")
                .Append("\"Layers\":[")
                .AppendJoin(',', built.Manifest.Layers.Select(layer => $"\"blobs/sha256/{ContentDigest.Hex(layer.Digest)}\""))
                .Append("]}");
        }

        return Encoding.UTF8.GetBytes(builder.Append(']').ToString());
    }
}
