namespace EcrPublish.LocalEcr.Storage;

/// <summary>
/// Exclusive access to one repository while it is held; dispose to release. <see cref="Record"/> is null when the
/// repository does not exist. Changes to the record are persisted by <see cref="Save"/>.
/// </summary>
internal sealed class RepositoryHandle : IDisposable
{
    private readonly RepositoryStore store;
    private readonly SemaphoreSlim gate;
    private bool released;

    internal RepositoryHandle(RepositoryStore store, string name, SemaphoreSlim gate, RepositoryRecord? record)
    {
        this.store = store;
        this.gate = gate;
        Name = name;
        Record = record;
    }

    public string Name { get; }

    public RepositoryRecord? Record { get; private set; }

    public void Create(RepositoryRecord record)
    {
        store.Save(record);
        Record = record;
    }

    public void Save()
    {
        if (Record is not null)
        {
            store.Save(Record);
        }
    }

    public void Delete()
    {
        store.Remove(Name);
        Record = null;
    }

    public void Dispose()
    {
        if (!released)
        {
            released = true;
            gate.Release();
        }
    }
}
