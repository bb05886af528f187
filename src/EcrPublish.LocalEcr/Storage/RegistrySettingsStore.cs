using System.Text.Json;

namespace EcrPublish.LocalEcr.Storage;

/// <summary>
/// Holds <see cref="RegistrySettings"/> in memory and in <c>&lt;data&gt;/registry.json</c>. <see cref="Update"/>
/// serialises changes; readers get the current settings.
/// </summary>
internal sealed class RegistrySettingsStore
{
    private readonly string path;
    private readonly object gate = new();
    private RegistrySettings settings;

    public RegistrySettingsStore(string dataDirectory)
    {
        path = Path.Combine(dataDirectory, "registry.json");
        try
        {
            settings = File.Exists(path) ? JsonSerializer.Deserialize<RegistrySettings>(File.ReadAllBytes(path)) ?? new() : new();
        }
        catch (JsonException error)
        {
            throw new LocalEcrException("ECR5004", $"The registry settings file '{path}' cannot be read ({error.Message}). It was not written by LocalEcr; move it out of the data directory.", error);
        }
    }

    public RegistrySettings Current => settings;

    /// <summary>Applies <paramref name="change"/> to a copy, persists it, then makes it current; returns what change returned.</summary>
    public T Update<T>(Func<RegistrySettings, T> change)
    {
        lock (gate)
        {
            var copy = JsonSerializer.Deserialize<RegistrySettings>(JsonSerializer.SerializeToUtf8Bytes(settings))!;
            var result = change(copy);
            AtomicFile.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(copy));
            settings = copy;
            return result;
        }
    }
}
