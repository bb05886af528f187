using EcrPublish.Lifecycle;
using EcrPublish.LocalEcr.Storage;

namespace EcrPublish.LocalEcr.Maintenance;

/// <summary>
/// Runs every repository's lifecycle policy for real: the images EcrPublish.Ecr's <see cref="LifecyclePolicyEvaluator"/> picks
/// for expiry are deleted (the same evaluation a preview shows). Triggered by <c>POST /_localecr/lifecycle/run</c> and by
/// <c>--lifecycle-interval</c>. Each run ends with a blob collection.
/// </summary>
internal sealed class LifecycleRunner(RepositoryStore repositories, BlobCollector collector, TimeProvider clock)
{
    public async Task<IReadOnlyList<LifecycleRunResult>> RunAsync(CancellationToken cancellationToken)
    {
        var results = new List<LifecycleRunResult>();
        foreach (var name in repositories.Names())
        {
            using var handle = await repositories.LockAsync(name, cancellationToken);
            if (handle.Record is not { LifecyclePolicyText: { } text } record)
            {
                continue;
            }

            var now = clock.GetUtcNow();
            var policy = LifecyclePolicyValidator.Validate(text).Policy!;
            var preview = LifecyclePolicyEvaluator.Evaluate(policy, LifecycleImages.Of(record), now);
            var expired = preview.Results.Where(result => result.Action.Type == LifecycleActionType.Expire).Select(result => result.ImageDigest).ToList();
            foreach (var digest in expired)
            {
                ImageCatalog.DeleteImage(record, digest);
            }

            record.LifecycleLastEvaluatedAt = now;
            handle.Save();
            results.Add(new LifecycleRunResult(name, expired, preview.Results.Count - expired.Count));
        }

        // The expired images' layers are now unreferenced; collect them (and any other old unreferenced blob).
        await collector.CollectAsync(cancellationToken);
        return results;
    }
}
