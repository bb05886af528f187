using System.Collections.Concurrent;
using System.Text.Json;

namespace EcrPublish.LocalEcr.Storage;

/// <summary>
/// Blob upload sessions on disk: <c>uploads/&lt;id&gt;.data</c> holds the bytes, <c>uploads/&lt;id&gt;.json</c> the
/// acknowledged <see cref="UploadSession"/> (written atomically after the bytes are flushed). A process killed in the
/// middle of a request therefore loses only that request's bytes. A session that no request touched for
/// <see cref="LocalEcrOptions.UploadSessionLifetime"/> has expired: it is unknown from then on, and its files are
/// removed at start and, at most once a minute, when a new upload starts.
/// </summary>
internal sealed class UploadStore
{
    private readonly string root;
    private readonly TimeSpan lifetime;
    private readonly TimeProvider clock;
    private readonly ConcurrentDictionary<string, int> inUse = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> sessionLocks = new(StringComparer.Ordinal);
    private DateTimeOffset lastSweep;

    public UploadStore(string dataDirectory, TimeSpan lifetime, TimeProvider clock)
    {
        root = Path.Combine(dataDirectory, "uploads");
        this.lifetime = lifetime;
        this.clock = clock;
        Directory.CreateDirectory(root);
        SweepExpired();
    }

    public UploadSession Create(string repository)
    {
        var now = clock.GetUtcNow();
        if (now - lastSweep >= TimeSpan.FromMinutes(1) || now - lastSweep >= lifetime)
        {
            SweepExpired();
        }

        var session = new UploadSession(Guid.NewGuid().ToString("D"), repository, 0, 0, 0, UpdatedAt: now);
        using (File.Create(DataPath(session.Id)))
        {
        }

        Save(session);
        return session;
    }

    /// <summary>Keeps the session from being swept while a request works on it (a long PATCH, hashing a large blob); dispose to release.</summary>
    public IDisposable Use(string id)
    {
        inUse.AddOrUpdate(id, 1, (_, count) => count + 1);
        return new SessionUse(this, id);
    }

    /// <summary>
    /// Serialises the requests on one session (registry PATCH/PUT and the control plane's UploadLayerPart and
    /// CompleteLayerUpload alike) and keeps it from being swept meanwhile; dispose to release.
    /// </summary>
    public async Task<IDisposable> LockAsync(string id, CancellationToken cancellationToken)
    {
        var use = Use(id);
        var gate = sessionLocks.GetOrAdd(id, _ => new SemaphoreSlim(1, 1));
        try
        {
            await gate.WaitAsync(cancellationToken);
        }
        catch
        {
            use.Dispose();
            throw;
        }

        return new SessionLock(this, id, gate, use);
    }

    /// <summary>Removes expired sessions and data files that lost their state file (a kill between the two writes of <see cref="Create"/>).</summary>
    public void SweepExpired()
    {
        var now = clock.GetUtcNow();
        lastSweep = now;
        foreach (var state in Directory.EnumerateFiles(root, "*.json"))
        {
            var id = Path.GetFileNameWithoutExtension(state);
            if (!inUse.ContainsKey(id) && (Read(state) is not { } session || IsExpired(session, now)))
            {
                Delete(id);
            }
        }

        foreach (var data in Directory.EnumerateFiles(root, "*.data"))
        {
            var id = Path.GetFileNameWithoutExtension(data);
            if (!inUse.ContainsKey(id) && !File.Exists(StatePath(id)) && now - File.GetLastWriteTimeUtc(data) >= lifetime)
            {
                File.Delete(data);
            }
        }
    }

    /// <summary>The session, or null when the id is unknown or not even an id.</summary>
    public UploadSession? Find(string id)
    {
        if (!Guid.TryParseExact(id, "D", out var parsed) || !string.Equals(parsed.ToString("D"), id, StringComparison.Ordinal))
        {
            return null;
        }

        var statePath = StatePath(id);
        if (!File.Exists(statePath) || Read(statePath) is not { } session)
        {
            return null;
        }

        if (IsExpired(session, clock.GetUtcNow()))
        {
            Delete(id);
            return null;
        }

        return session;
    }

    /// <summary>
    /// Appends <paramref name="body"/> after the acknowledged bytes, flushes it to disk and records the new length.
    /// Returns null (and acknowledges nothing) when <paramref name="expectedLength"/> is given and the body differs.
    /// </summary>
    public async Task<UploadSession?> AppendAsync(UploadSession session, Stream body, long? expectedLength, CancellationToken cancellationToken)
    {
        long written;
        await using (var stream = new FileStream(DataPath(session.Id), FileMode.Open, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        {
            stream.SetLength(session.Length);
            stream.Position = session.Length;
            await body.CopyToAsync(stream, cancellationToken);
            written = stream.Position - session.Length;
            await stream.FlushAsync(cancellationToken);
            stream.Flush(flushToDisk: true);
        }

        if (expectedLength is not null && written != expectedLength)
        {
            return null;
        }

        if (written == 0)
        {
            return session;
        }

        var updated = session with
        {
            Length = session.Length + written,
            Parts = session.Parts + 1,
            LastPartSize = written,
            FirstPartSize = session.Parts == 0 ? written : session.FirstPartSize,
            SmallestInnerPartSize = session.Parts == 0 ? null : Math.Min(session.SmallestInnerPartSize ?? long.MaxValue, session.LastPartSize),
            UpdatedAt = clock.GetUtcNow(),
        };
        Save(updated);
        return updated;
    }

    /// <summary>The data file trimmed to the acknowledged length, ready to be hashed and committed.</summary>
    public string PrepareDataForCommit(UploadSession session)
    {
        var path = DataPath(session.Id);
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            stream.SetLength(session.Length);
        }

        return path;
    }

    public void Delete(string id)
    {
        File.Delete(DataPath(id));
        File.Delete(StatePath(id));
    }

    private bool IsExpired(UploadSession session, DateTimeOffset now) => now - session.UpdatedAt >= lifetime;

    private static UploadSession? Read(string statePath)
    {
        try
        {
            return JsonSerializer.Deserialize<UploadSession>(File.ReadAllBytes(statePath));
        }
        catch (Exception error) when (error is JsonException or IOException)
        {
            // A state file LocalEcr did not write, or one a sweep just removed: no session.
            return null;
        }
    }

    private void Release(string id)
    {
        if (inUse.AddOrUpdate(id, 0, (_, count) => count - 1) <= 0)
        {
            inUse.TryRemove(new KeyValuePair<string, int>(id, 0));
        }
    }

    private void Save(UploadSession session) =>
        AtomicFile.WriteAllBytes(StatePath(session.Id), JsonSerializer.SerializeToUtf8Bytes(session));

    private string DataPath(string id) => Path.Combine(root, id + ".data");

    private string StatePath(string id) => Path.Combine(root, id + ".json");

    private sealed class SessionLock(UploadStore store, string id, SemaphoreSlim gate, IDisposable use) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) != 0)
            {
                return;
            }

            gate.Release();
            if (store.Find(id) is null)
            {
                store.sessionLocks.TryRemove(id, out _);
            }

            use.Dispose();
        }
    }

    private sealed class SessionUse(UploadStore store, string id) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                store.Release(id);
            }
        }
    }
}
