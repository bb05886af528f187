using EcrPublish.LocalEcr.Storage;

namespace EcrPublish.LocalEcr.Replication;

/// <summary>One manifest being replicated: its exact bytes and what it references.</summary>
internal sealed record ReplicatedManifest(byte[] Content, ManifestFacts Facts);
