using System.Collections.Concurrent;
using EcrPublish.Registry;

namespace EcrPublish.IntegrationTests.Registry;

/// <summary>A credential provider that hands out a new password on every refresh, like a fresh ECR token.</summary>
internal sealed class RotatingCredentials : IRegistryCredentialProvider
{
    private int _generation;

    public ConcurrentQueue<bool> RefreshRequests { get; } = new();

    public static string PasswordOf(int generation) => $"token-{generation}";

    public Task<RegistryCredential?> GetAsync(string registryHost, bool refresh, CancellationToken cancellationToken)
    {
        RefreshRequests.Enqueue(refresh);
        var generation = refresh ? Interlocked.Increment(ref _generation) : Volatile.Read(ref _generation);
        return Task.FromResult<RegistryCredential?>(new RegistryCredential("AWS", PasswordOf(generation)));
    }
}
