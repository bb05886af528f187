using System.Security.Cryptography;
using EcrPublish.LocalEcr.Validation;

namespace EcrPublish.LocalEcr.Storage;

/// <summary>
/// Content-addressed files under <c>blobs/sha256/&lt;first two hex&gt;/&lt;hex&gt;</c>. Layers, configs and manifests all
/// live here. A blob is only ever committed after its digest has been recomputed from the bytes on disk, and it
/// appears by an atomic rename, so a present file is always complete and correct.
/// </summary>
internal sealed class BlobStore
{
    private readonly string root;

    public BlobStore(string dataDirectory)
    {
        root = Path.Combine(dataDirectory, "blobs", "sha256");
        Directory.CreateDirectory(root);
    }

    public bool Exists(string digest) => File.Exists(PathOf(digest));

    /// <summary>Size in bytes, or null when the blob is not stored.</summary>
    public long? SizeOf(string digest)
    {
        var info = new FileInfo(PathOf(digest));
        return info.Exists ? info.Length : null;
    }

    public string PathOf(string digest)
    {
        if (!DigestRule.IsValid(digest))
        {
            throw new ArgumentException("not a sha256 digest", nameof(digest));
        }

        var hex = DigestRule.Hex(digest);
        return Path.Combine(root, hex[..2], hex);
    }

    public byte[] ReadAllBytes(string digest) => File.ReadAllBytes(PathOf(digest));

    /// <summary>Stores bytes that are already in memory (manifests) and returns their digest.</summary>
    public string Put(ReadOnlySpan<byte> content)
    {
        var digest = DigestOf(content);
        var path = PathOf(digest);
        if (!File.Exists(path))
        {
            AtomicFile.WriteAllBytes(path, content);
        }

        return digest;
    }

    /// <summary>
    /// Moves a finished upload into the store when its content hashes to <paramref name="expectedDigest"/>.
    /// Returns false (and leaves the file where it is) when it does not.
    /// </summary>
    public async Task<bool> TryCommitAsync(string uploadedFile, string expectedDigest, CancellationToken cancellationToken)
    {
        var actual = await DigestOfFileAsync(uploadedFile, cancellationToken);
        if (!string.Equals(actual, expectedDigest, StringComparison.Ordinal))
        {
            return false;
        }

        var path = PathOf(expectedDigest);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (File.Exists(path))
        {
            File.Delete(uploadedFile);

            // Pushed again: young again, so the collector (which spares young blobs) leaves it to this push.
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
            return true;
        }

        // Copy to a temporary sibling first so the rename that publishes the blob stays within one directory.
        var temporary = AtomicFile.TemporaryPathFor(path);
        File.Move(uploadedFile, temporary);
        using (var stream = new FileStream(temporary, FileMode.Open, FileAccess.ReadWrite))
        {
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
        DirectorySync.Flush(Path.GetDirectoryName(path)!);
        return true;
    }

    /// <summary>Copies a blob from another registry's store (replication, pull-through), verifying its digest on the way in.</summary>
    public async Task CopyFromAsync(BlobStore source, string digest, CancellationToken cancellationToken)
    {
        if (Exists(digest))
        {
            return;
        }

        var path = PathOf(digest);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var incoming = path + ".incoming-" + Guid.NewGuid().ToString("N");
        File.Copy(source.PathOf(digest), incoming);
        if (!await TryCommitAsync(incoming, digest, cancellationToken))
        {
            File.Delete(incoming);
            throw new IOException($"The blob {digest} in {source.PathOf(digest)} does not match its digest.");
        }
    }

    /// <summary>Stores a blob read from a stream (pull-through) when it hashes to <paramref name="digest"/>; returns false otherwise.</summary>
    public async Task<bool> TryPutStreamAsync(Stream content, string digest, CancellationToken cancellationToken)
    {
        var path = PathOf(digest);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var incoming = path + ".incoming-" + Guid.NewGuid().ToString("N");
        await using (var file = new FileStream(incoming, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        {
            await content.CopyToAsync(file, cancellationToken);
        }

        if (await TryCommitAsync(incoming, digest, cancellationToken))
        {
            return true;
        }

        File.Delete(incoming);
        return false;
    }

    /// <summary>Every stored blob's digest and when its file was last written (stored, or pushed again).</summary>
    public IEnumerable<(string Digest, DateTimeOffset WrittenAt)> List()
    {
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var digest = "sha256:" + Path.GetFileName(file);
            if (DigestRule.IsValid(digest))
            {
                yield return (digest, File.GetLastWriteTimeUtc(file));
            }
        }
    }

    /// <summary>Removes the blob unless it was written after <paramref name="writtenBefore"/> (pushed again meanwhile).</summary>
    public bool DeleteIfOlderThan(string digest, DateTimeOffset writtenBefore)
    {
        var path = PathOf(digest);
        if (!File.Exists(path) || File.GetLastWriteTimeUtc(path) >= writtenBefore)
        {
            return false;
        }

        File.Delete(path);
        return true;
    }

    public static string DigestOf(ReadOnlySpan<byte> content) =>
        "sha256:" + Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant();

    public static async Task<string> DigestOfFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        var hash = await SHA256.HashDataAsync(stream, cancellationToken);
        return "sha256:" + Convert.ToHexString(hash).ToLowerInvariant();
    }
}
