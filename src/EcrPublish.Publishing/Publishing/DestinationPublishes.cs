using EcrPublish.Publishing.Stages;

namespace EcrPublish.Publishing;

/// <summary>
/// The <c>EcrDestination</c> part of a publish: one set of stages per destination (its own ECR client, token and
/// registry connections), provisioned before anything is pushed anywhere, pushed in parallel with the main push, then
/// given the same referrers, one destination after the other. A failure names the destination and says what happened to the others.
/// </summary>
internal sealed class DestinationPublishes : IDisposable
{
    private readonly List<DestinationRun> _destinations = [];

    /// <param name="stages">Makes each destination's stages, from the request as that destination sees it.</param>
    /// <param name="request">The main publish, with its destinations.</param>
    /// <param name="log">Where the stages report progress.</param>
    public DestinationPublishes(IPublishStageFactory stages, EcrPublishRequest request, IPublishLog log)
    {
        try
        {
            foreach (var destination in request.Destinations)
            {
                var destinationRequest = request.ForDestination(destination);
                _destinations.Add(new DestinationRun(destination, destinationRequest, stages.Create(destinationRequest, log)));
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Makes every destination's repository exist as the main one is declared, in parallel.</summary>
    public async Task ProvisionAsync(CancellationToken cancellationToken)
    {
        var failures = await RunAllAsync(_destinations, async destination =>
        {
            // As for the main destination: a signing key that cannot sign stops the publish before anything is pushed.
            await destination.Stages.Attach.PrepareAsync(cancellationToken).ConfigureAwait(false);
            var provisioned = await destination.Stages.Provision.ProvisionAsync(destination.Request, cancellationToken).ConfigureAwait(false);
            destination.Target = EcrPublishPipeline.PushTargetOf(destination.Request, provisioned);
        }).ConfigureAwait(false);
        if (failures.Count > 0)
        {
            throw new EcrPublishException(PublishErrorCodes.DestinationProvisionFailed,
                $"Provisioning the repository of {Describe(failures)}. Nothing was pushed to any destination, the main one included. Fix it (the credentials of that account and region, EcrCreateRepository) and publish again.",
                failures[0].Error);
        }
    }

    /// <summary>Pushes the image to the main target and to every destination at once; the main push's result when all succeed.</summary>
    public async Task<PushedImage> PushAsync(IPushStage mainPush, ImageBuildOutput image, PushTarget mainTarget, CancellationToken cancellationToken)
    {
        PushedImage? mainPushed = null;
        var all = new List<(string Name, PushTarget Target, Func<Task> Push, Func<PushedImage?> Result)>
        {
            ("the main destination", mainTarget, async () => mainPushed = await mainPush.PushAsync(image, mainTarget, cancellationToken).ConfigureAwait(false), () => mainPushed),
        };
        all.AddRange(_destinations.Select(destination => (
            $"EcrDestination '{destination.Destination.Name}'",
            destination.Target!,
            (Func<Task>)(async () => destination.Pushed = await destination.Stages.Push.PushAsync(image, destination.Target!, cancellationToken).ConfigureAwait(false)),
            (Func<PushedImage?>)(() => destination.Pushed))));

        var failures = await RunAllAsync(all, push => push.Push()).ConfigureAwait(false);
        if (failures.Count > 0)
        {
            var complete = all.Where(push => push.Result() is not null).Select(push => $"{push.Name} ({push.Target.ImageUri}@{push.Result()!.Digest})").ToList();
            var failed = failures.Select(failure => (failure.Item.Name, failure.Item.Target.ImageUri, failure.Error)).ToList();
            throw new EcrPublishException(PublishErrorCodes.DestinationPushFailed,
                $"The push to {string.Join("; and to ", failed.Select(failure => $"{failure.Name} ({failure.ImageUri}) failed: {failure.Error.Message}"))}. "
                + "Manifests go last, so no tag there points at a half-pushed image. "
                + (complete.Count > 0 ? $"Pushed completely, tags included: {string.Join(", ", complete)}. " : "No destination was pushed completely. ")
                + "Nothing was attached or scanned, and no result was written. Fix the failing destination and publish again: the complete ones then send nothing.",
                failures[0].Error);
        }

        return mainPushed!;
    }

    /// <summary>
    /// Attaches the referrers in every destination and returns each destination's published image. One destination after
    /// the other: each attach stage writes the same SBOM file next to the result file, and the referrers are small.
    /// </summary>
    public async Task<IReadOnlyList<EcrPublishedImage>> AttachAsync(EcrPublishRequest request, CancellationToken cancellationToken)
    {
        var failures = new List<(DestinationRun Item, Exception Error)>();
        foreach (var destination in _destinations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                destination.Referrers = await destination.Stages.Attach.AttachAsync(destination.Target!, destination.Pushed!, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                failures.Add((destination, exception));
            }
        }

        if (failures.Count > 0)
        {
            throw new EcrPublishException(PublishErrorCodes.DestinationAttachFailed,
                $"Attaching the referrers (SBOM, provenance, signature) in {Describe(failures)}. The image itself is pushed, tags included, to every destination; the main one has its referrers. Fix it and publish again: the pushes then send nothing and the referrers are attached.",
                failures[0].Error);
        }

        return [.. _destinations.Select(destination => EcrPublishedImage.Pushed(destination.Target!, destination.Pushed!, request.Tags, destination.Referrers) with
        {
            Destination = destination.Destination.Name,
        })];
    }

    /// <summary>What was pushed to each destination, for the log.</summary>
    public IEnumerable<(PushTarget Target, PushedImage Pushed)> Pushes => _destinations.Select(destination => (destination.Target!, destination.Pushed!));

    public void Dispose()
    {
        foreach (var destination in _destinations)
        {
            destination.Stages.Dispose();
        }
    }

    private static string Describe(IReadOnlyList<(DestinationRun Item, Exception Error)> failures) =>
        string.Join("; and of ", failures.Select(failure => $"EcrDestination '{failure.Item.Destination.Name}' failed: {failure.Error.Message}"));

    // Every one runs to its end, so the message can say what happened to each; cancellation wins over the failures.
    private static async Task<IReadOnlyList<(T Item, Exception Error)>> RunAllAsync<T>(IEnumerable<T> items, Func<T, Task> run)
    {
        var runs = items.Select(item => (Item: item, Task: Task.Run(() => run(item)))).ToList();
        try
        {
            await Task.WhenAll(runs.Select(running => running.Task)).ConfigureAwait(false);
        }
        catch (Exception) when (runs.Any(running => running.Task.IsFaulted) && !runs.Any(running => running.Task.IsCanceled))
        {
            // Collected below, one per failed run.
        }

        return [.. runs.Where(running => running.Task.IsFaulted).Select(running => (running.Item, running.Task.Exception!.GetBaseException()))];
    }

    private sealed class DestinationRun(EcrDestination destination, EcrPublishRequest request, IPublishStages stages)
    {
        public EcrDestination Destination { get; } = destination;

        public EcrPublishRequest Request { get; } = request;

        public IPublishStages Stages { get; } = stages;

        public PushTarget? Target { get; set; }

        public PushedImage? Pushed { get; set; }

        public IReadOnlyList<AttachedReferrer> Referrers { get; set; } = [];
    }
}
