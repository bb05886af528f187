using System.Globalization;
using EcrPublish.FileSystem;

namespace EcrPublish.Images;

/// <summary>
/// A content-addressed store on disk: compressed blobs by digest (<c>blobs/sha256/&lt;hex&gt;</c>) and
/// the diffID → blob map (<c>diffids/&lt;compression version&gt;/&lt;hex&gt;</c>), so an unchanged layer is never compressed twice.
/// gzip output may differ between runtimes; the diffID is the stable key.
/// </summary>
public sealed class LayerCache
{
    /// <summary>
    /// How layers are compressed (<see cref="ParallelGzipStream"/>: independent 1 MiB blocks), part of the diffID map's
    /// key: a layer cached by an earlier way of compressing (single-stream gzip, in <c>diffids/&lt;hex&gt;</c>) is
    /// never reused, so the digest of a layer depends on its content and this version, not on what the cache holds.
    /// Change it whenever the compressed bytes of a layer change.
    /// </summary>
    public const string CompressionVersion = "gzip-blocks-1m";

    private readonly string _diffIds;

    public LayerCache(string directory)
    {
        Directory = Path.GetFullPath(directory);
        // Layers hold the application's files (settings included): a new cache is the user's alone, and so is the
        // folder of layers being written, even in a cache folder the user chose and shares.
        OwnerOnlyFiles.CreateDirectory(Path.Combine(Directory, "blobs", "sha256"));
        _diffIds = Path.Combine(Directory, "diffids", CompressionVersion);
        OwnerOnlyFiles.CreateDirectory(_diffIds);
        OwnerOnlyFiles.CreateDirectory(Path.Combine(Directory, "tmp"), restrictExisting: true);
    }

    public string Directory { get; }

    public string BlobPath(string digest) => Path.Combine(Directory, "blobs", "sha256", ContentDigest.Hex(digest));

    public bool HasBlob(string digest) => File.Exists(BlobPath(digest));

    /// <summary>A new temporary file name in the cache (same file system, so it can be moved into place atomically).</summary>
    public string NewTemporaryPath() => Path.Combine(Directory, "tmp", Guid.NewGuid().ToString("N"));

    /// <summary>Moves a finished temporary file into place as the blob <paramref name="digest"/>.</summary>
    public string CommitBlob(string temporaryPath, string digest)
    {
        var target = BlobPath(digest);
        if (File.Exists(target))
        {
            File.Delete(temporaryPath);
        }
        else
        {
            File.Move(temporaryPath, target, overwrite: true);
        }

        return target;
    }

    public bool TryGetLayer(string diffId, out string digest, out long size)
    {
        digest = "";
        size = 0;
        var entry = Path.Combine(_diffIds, ContentDigest.Hex(diffId));
        if (!File.Exists(entry))
        {
            return false;
        }

        var parts = File.ReadAllText(entry).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !ContentDigest.IsValid(parts[0]) || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out size))
        {
            return false;
        }

        digest = parts[0];
        var blob = new FileInfo(BlobPath(digest));
        return blob.Exists && blob.Length == size;
    }

    public void RememberLayer(string diffId, string digest, long size)
    {
        var entry = Path.Combine(_diffIds, ContentDigest.Hex(diffId));
        var temporary = NewTemporaryPath();
        File.WriteAllText(temporary, string.Create(CultureInfo.InvariantCulture, $"{digest} {size}"));
        File.Move(temporary, entry, overwrite: true);
    }
}
