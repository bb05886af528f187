using System.Collections.Concurrent;

namespace EcrPublish.LocalEcr.ControlPlane;

/// <summary>How often each control-plane operation was called (signature verified), so tests can prove what a client saves.</summary>
internal sealed class OperationCounter
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public void Increment(string operation) => _counts.AddOrUpdate(operation, 1, (_, count) => count + 1);

    public int Count(string operation) => _counts.TryGetValue(operation, out var count) ? count : 0;
}
