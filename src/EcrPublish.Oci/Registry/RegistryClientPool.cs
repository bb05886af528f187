using System.Collections.Concurrent;

namespace EcrPublish.Registry;

/// <summary>One <see cref="RegistryClient"/> per registry host, sharing a credential provider and options.</summary>
public sealed class RegistryClientPool(IRegistryCredentialProvider? credentials, RegistryClientOptions? options = null) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<RegistryClient>> _clients = new(StringComparer.OrdinalIgnoreCase);

    public RegistryClient Get(string registry) =>
        _clients.GetOrAdd(registry, host => new Lazy<RegistryClient>(() => new RegistryClient(host, credentials, options))).Value;

    public void Dispose()
    {
        foreach (var client in _clients.Values.Where(client => client.IsValueCreated))
        {
            client.Value.Dispose();
        }
    }
}
