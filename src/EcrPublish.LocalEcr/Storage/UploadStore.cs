using System.Text.Json;

namespace EcrPublish.LocalEcr.Storage;

/// <summary>
/// Blob upload sessions on disk: <c>uploads/&lt;id&gt;.data</c> holds the bytes, <c>uploads/&lt;id&gt;.json</c> the
/// acknowledged <see cref="UploadSession"/> (written atomically after the bytes are flushed). A process killed in the
/// middle of a request therefore loses only that request's bytes.
/// </summary>
internal sealed class UploadStore
{
    private readonly string root;

    public UploadStore(string dataDirectory)
    {
        root = Path.Combine(dataDirectory, "uploads");
        Directory.CreateDirectory(root);
    }

    public UploadSession Create(string repository)
    {
        var session = new UploadSession(Guid.NewGuid().ToString("D"), repository, 0, 0, 0);
        using (File.Create(DataPath(session.Id)))
        {
        }

        Save(session);
        return session;
    }

    /// <summary>The session, or null when the id is unknown or not even an id.</summary>
    public UploadSession? Find(string id)
    {
        if (!Guid.TryParseExact(id, "D", out var parsed) || !string.Equals(parsed.ToString("D"), id, StringComparison.Ordinal))
        {
            return null;
        }

        var statePath = StatePath(id);
        return File.Exists(statePath) ? JsonSerializer.Deserialize<UploadSession>(File.ReadAllBytes(statePath)) : null;
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

    private void Save(UploadSession session) =>
        AtomicFile.WriteAllBytes(StatePath(session.Id), JsonSerializer.SerializeToUtf8Bytes(session));

    private string DataPath(string id) => Path.Combine(root, id + ".data");

    private string StatePath(string id) => Path.Combine(root, id + ".json");
}
