using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EcrPublish.LocalEcr.Validation;

namespace EcrPublish.LocalEcr.Storage;

/// <summary>
/// The repositories, one JSON file each under <c>repositories/</c>, cached in memory. Every read or change goes
/// through <see cref="LockAsync"/>, which hands out a copy of the record and serialises work per repository: parallel pushes to one repository queue up,
/// pushes to different repositories do not wait for each other.
/// </summary>
internal sealed class RepositoryStore
{
    private readonly string root;
    private readonly ConcurrentDictionary<string, RepositoryRecord> repositories = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> locks = new(StringComparer.Ordinal);

    public RepositoryStore(string dataDirectory)
    {
        root = Path.Combine(dataDirectory, "repositories");
        Directory.CreateDirectory(root);
        foreach (var file in Directory.EnumerateFiles(root, "*.json"))
        {
            if (Path.GetFileName(file).StartsWith(".tmp-", StringComparison.Ordinal))
            {
                // A write that a kill interrupted before its rename; the previous version is still in place.
                File.Delete(file);
                continue;
            }

            RepositoryRecord? record;
            try
            {
                record = JsonSerializer.Deserialize<RepositoryRecord>(File.ReadAllBytes(file));
            }
            catch (JsonException error)
            {
                throw new LocalEcrException("ECR5004", $"The repository file '{file}' cannot be read ({error.Message}). It was not written by LocalEcr; move it out of the data directory.", error);
            }

            if (record is not null && RepositoryNameRule.IsValid(record.Name))
            {
                repositories[record.Name] = record;
            }
        }
    }

    /// <summary>Names of all repositories, sorted.</summary>
    public IReadOnlyList<string> Names() => repositories.Keys.Order(StringComparer.Ordinal).ToList();

    public bool Exists(string name) => repositories.ContainsKey(name);

    /// <summary>Takes the repository's lock. The name must be valid (see <see cref="RepositoryNameRule"/>).</summary>
    public async Task<RepositoryHandle> LockAsync(string name, CancellationToken cancellationToken = default)
    {
        if (!RepositoryNameRule.IsValid(name))
        {
            throw new ArgumentException("invalid repository name", nameof(name));
        }

        var gate = locks.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        // The holder works on a copy: the cached record changes only when Save has written the change to disk, so a
        // failed write (disk full) leaves memory as it is on disk.
        return new RepositoryHandle(this, name, gate, repositories.TryGetValue(name, out var cached) ? Copy(cached) : null);
    }

    internal void Save(RepositoryRecord record)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(record);
        AtomicFile.WriteAllBytes(PathOf(record.Name), bytes);
        repositories[record.Name] = JsonSerializer.Deserialize<RepositoryRecord>(bytes)!;
    }

    internal void Remove(string name)
    {
        File.Delete(PathOf(name));
        repositories.TryRemove(name, out _);
    }

    private static RepositoryRecord Copy(RepositoryRecord record) =>
        JsonSerializer.Deserialize<RepositoryRecord>(JsonSerializer.SerializeToUtf8Bytes(record))!;

    // Names may be 256 characters with slashes, too long for one file name; the record inside carries the name.
    private string PathOf(string name) =>
        Path.Combine(root, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(name))).ToLowerInvariant() + ".json");
}
