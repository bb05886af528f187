using System.Globalization;
using EcrPublish.FileSystem;
using EcrPublish.Images;

namespace EcrPublish.Registry;

/// <summary>
/// Lets the publishes on one machine send a blob to a registry once and mount it everywhere else, across MSBuild's
/// node processes and across runs. The layer cache keeps, per registry, a record of which repository holds which
/// blob (<c>registries/&lt;host&gt;/&lt;hex&gt;</c>, written after the manifest that references the blob is in, as
/// ECR mounts only blobs an image references). A push claims the entries of the blobs it may upload, in digest order
/// so that two publishes never wait for each other, and holds them until its manifests are in: a sibling publish that
/// needs the same blob waits, then mounts it from the repository the record names. The record is a hint, never
/// trusted: a mount the registry refuses becomes the upload it would have been (one request more at most).
/// </summary>
public sealed class SharedBlobClaim : IDisposable
{
    // A refusal of a mount from a repository that pushed the blob this recently says the registry does not mount
    // (ECR without BLOB_MOUNTING), not that the record went stale (a repository or image deleted since).
    private static readonly TimeSpan FreshRecord = TimeSpan.FromMinutes(30);

    // While a registry is known not to mount, publishes do not wait for each other's uploads; a mount that works clears it.
    private static readonly TimeSpan RefusalMemory = TimeSpan.FromDays(7);

    private const string RefusedMarker = "mounts-refused";

    private readonly string _folder;
    private readonly Dictionary<string, BlobHolderEntry> _entries;

    private SharedBlobClaim(string folder, Dictionary<string, BlobHolderEntry> entries)
    {
        _folder = folder;
        _entries = entries;
    }

    /// <summary>The blobs this push holds the record entries of.</summary>
    public IReadOnlyCollection<string> Claimed => _entries.Keys;

    /// <summary>
    /// Claims the record entries of <paramref name="digests"/> in <paramref name="registry"/>, waiting while another
    /// publish holds one (it is uploading that blob), unless the registry is known not to mount. A blob whose entry
    /// cannot be opened is left out: it is uploaded as it would be without the record.
    /// </summary>
    /// <param name="cacheDirectory">The layer cache's folder (<see cref="LayerCache.Directory"/>).</param>
    /// <param name="registry">The registry host the blobs go to.</param>
    /// <param name="digests">The blobs the push may have to upload.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    public static async Task<SharedBlobClaim> AcquireAsync(string cacheDirectory, string registry, IEnumerable<string> digests, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(cacheDirectory, "registries", FolderName(registry));
        OwnerOnlyFiles.CreateDirectory(folder);
        var wait = !RecentlyRefused(folder);
        var entries = new Dictionary<string, BlobHolderEntry>(StringComparer.Ordinal);
        try
        {
            // One order for every publish: none holds an entry another holds while waiting for one that other holds.
            foreach (var digest in digests.Where(ContentDigest.IsValid).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                if (await OpenAsync(Path.Combine(folder, ContentDigest.Hex(digest)), wait, cancellationToken).ConfigureAwait(false) is { } entry)
                {
                    entries[digest] = entry;
                }
            }
        }
        catch
        {
            foreach (var entry in entries.Values)
            {
                entry.Dispose();
            }

            throw;
        }

        return new SharedBlobClaim(folder, entries);
    }

    /// <summary>The sibling repository to mount <paramref name="digest"/> from into <paramref name="repository"/>, if the record names one.</summary>
    public string? MountSource(string digest, string repository) =>
        _entries.TryGetValue(digest, out var entry) && entry.Holder is { } holder && holder != repository ? holder : null;

    /// <summary>Learns from how a blob got into the repository whether the registry mounts from the record's repositories.</summary>
    public void Observe(string digest, string repository, BlobUploadOutcome outcome)
    {
        if (MountSource(digest, repository) is null)
        {
            return;
        }

        var marker = Path.Combine(_folder, RefusedMarker);
        try
        {
            if (outcome == BlobUploadOutcome.Mounted)
            {
                File.Delete(marker);
            }
            else if (outcome == BlobUploadOutcome.Uploaded && DateTime.UtcNow - _entries[digest].WrittenUtc < FreshRecord)
            {
                File.WriteAllText(marker, DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The marker only decides whether to wait; without it the next publish waits, as by default.
        }
    }

    /// <summary>Records <paramref name="repository"/> as the holder of every claimed blob: call once its manifests reference them.</summary>
    public void Remember(string repository)
    {
        foreach (var entry in _entries.Values)
        {
            try
            {
                entry.Remember(repository);
            }
            catch (IOException)
            {
                // A record not written costs the next publish a mount, not a failure.
            }
        }
    }

    /// <summary>Releases the entries: a publish waiting for one goes on.</summary>
    public void Dispose()
    {
        foreach (var entry in _entries.Values)
        {
            entry.Dispose();
        }

        _entries.Clear();
    }

    private static async Task<BlobHolderEntry?> OpenAsync(string path, bool wait, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            BlobHolderEntry? entry;
            try
            {
                entry = BlobHolderEntry.TryOpen(path);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return null;
            }

            if (entry is not null || !wait)
            {
                return entry;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(25 * attempt, 250)), cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool RecentlyRefused(string folder)
    {
        var marker = new FileInfo(Path.Combine(folder, RefusedMarker));
        return marker.Exists && DateTime.UtcNow - marker.LastWriteTimeUtc < RefusalMemory;
    }

    private static string FolderName(string registry) =>
        string.Concat(registry.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_'));
}
