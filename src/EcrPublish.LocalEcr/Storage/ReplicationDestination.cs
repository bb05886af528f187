namespace EcrPublish.LocalEcr.Storage;

/// <summary>Where a replication rule copies images to: a region of an account's registry.</summary>
internal sealed record ReplicationDestination(string Region, string RegistryId);
