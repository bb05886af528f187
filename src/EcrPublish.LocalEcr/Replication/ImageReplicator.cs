using EcrPublish.LocalEcr.Regions;
using EcrPublish.LocalEcr.Storage;
using EcrPublish.LocalEcr.Templates;

namespace EcrPublish.LocalEcr.Replication;

/// <summary>
/// Carries out the registry's replication rules for a newly pushed image: for every destination of every rule whose
/// prefix filter matches the repository, the repository is created there when missing (with default settings, as ECR
/// does), the blobs and manifests are copied and the pushed tag is set, honouring the destination's tag immutability.
/// Each destination's outcome is recorded on the source image. Replicas are not replicated further.
/// </summary>
internal sealed class ImageReplicator(RegionalRegistry source, RegionalRegistries registries)
{
    public async Task ReplicateAsync(string repositoryName, string digest, string? tag, CancellationToken cancellationToken)
    {
        var destinations = source.Settings.Current.ReplicationRules
            .Where(rule => rule.Matches(repositoryName))
            .SelectMany(rule => rule.Destinations)
            .Distinct()
            .Where(destination => new RegistryScope(destination.RegistryId, destination.Region) != source.Scope)
            .ToList();
        if (destinations.Count == 0)
        {
            return;
        }

        ReplicatedImage image;
        using (var handle = await source.Repositories.LockAsync(repositoryName, cancellationToken))
        {
            if (handle.Record?.Images.GetValueOrDefault(digest) is not { } record)
            {
                return;
            }

            image = ReplicatedImage.From(handle.Record, record, source.Blobs);
        }

        var statuses = new List<ImageReplicationStatus>();
        foreach (var destination in destinations)
        {
            var target = registries.Get(new RegistryScope(destination.RegistryId, destination.Region));
            string? failure;
            try
            {
                failure = await CopyAsync(image, repositoryName, tag, target, cancellationToken);
            }
            catch (IOException error)
            {
                // The push itself succeeded; as on ECR, a replication problem shows in the status, not in the push.
                await Console.Error.WriteLineAsync($"LocalEcr: replicating {repositoryName}@{digest} to {destination.Region}/{destination.RegistryId} failed: {error.Message}");
                failure = "REPLICATION_ERROR";
            }

            statuses.Add(new ImageReplicationStatus
            {
                Region = destination.Region,
                RegistryId = destination.RegistryId,
                Status = failure is null ? "COMPLETE" : "FAILED",
                FailureCode = failure,
            });
        }

        using (var handle = await source.Repositories.LockAsync(repositoryName, cancellationToken))
        {
            if (handle.Record?.Images.GetValueOrDefault(digest) is { } record)
            {
                record.ReplicationStatuses = statuses;
                handle.Save();
            }
        }
    }

    /// <summary>Copies the image into the target registry; returns null on success, else the failure code.</summary>
    private async Task<string?> CopyAsync(ReplicatedImage image, string repositoryName, string? tag, RegionalRegistry target, CancellationToken cancellationToken)
    {
        var now = target.Options.TimeProvider.GetUtcNow();
        using var handle = await target.Repositories.LockAsync(repositoryName, cancellationToken);
        if (handle.Record is null)
        {
            target.Creator.Create(handle, RepositoryCreationScenario.Replication, now);
        }

        var record = handle.Record!;
        foreach (var blob in image.BlobDigests)
        {
            await target.Blobs.CopyFromAsync(source.Blobs, blob, cancellationToken);
            record.Blobs.Add(blob);
        }

        string? failure = null;
        foreach (var manifest in image.Manifests)
        {
            var isTop = ReferenceEquals(manifest, image.Manifests[^1]);
            var result = target.Catalog.Put(record, manifest.Content, manifest.Facts, isTop ? tag : null, now);
            if (result.Outcome is not (ManifestPutOutcome.Stored or ManifestPutOutcome.AlreadyExists))
            {
                failure = result.Outcome == ManifestPutOutcome.TagImmutable ? "IMAGE_TAG_IMMUTABLE" : "MANIFEST_INVALID";
                break;
            }
        }

        handle.Save();
        return failure;
    }
}
