using System.Globalization;
using System.Text.Json.Nodes;
using EcrPublish.Cli.Arguments;
using EcrPublish.Cli.Execution;
using EcrPublish.Cli.Progress;
using EcrPublish.Cli.ServiceModel;
using EcrPublish.Images;

namespace EcrPublish.Cli.Verbs;

/// <summary>
/// <c>dotnet ecr images cleanup --repository-name R --untagged [--older-than 1d] [--include-orphan-referrers] [--dry-run]</c>:
/// the cheat sheet's "delete all untagged images" pipeline in one command, deleting in batches of 100 (BatchDeleteImage's
/// limit). Untagged images that something kept still needs stay (see <see cref="CleanupPlanner"/>): the per-platform
/// images of a kept index and the referrers (signatures, SBOMs) of a kept image; the manifests are read for that with
/// BatchGetImage, 100 per call. What is deleted or kept goes to <paramref name="output"/>; which step is running goes to
/// <paramref name="progress"/>.
/// </summary>
internal sealed class ImagesCleanupCommand(OperationCaller caller, TextWriter output, TextWriter error, IProgressDisplay progress, DateTimeOffset now)
{
    public const int BatchSize = 100;

    private static readonly HashSet<string> s_valued = ["--repository-name", "--registry-id", "--older-than"];
    private static readonly HashSet<string> s_flags = ["--untagged", "--dry-run", "--include-orphan-referrers"];

    public const string Help =
        "NAME\n    images cleanup\n\nDESCRIPTION\n" +
        "    Deletes the untagged images of a repository (all of them, or those pushed\n" +
        "    longer ago than --older-than), 100 per BatchDeleteImage call. --dry-run\n" +
        "    lists what would be deleted and deletes nothing.\n\n" +
        "    Untagged images that a kept image needs are kept, and the output says\n" +
        "    why: the per-platform images of a kept index (multi-arch images), and\n" +
        "    OCI referrers (signatures, SBOMs, attestations) of a kept image.\n" +
        "    Referrers whose subject is gone are kept too unless\n" +
        "    --include-orphan-referrers is given.\n\n" +
        "SYNOPSIS\n    images cleanup\n    --repository-name <value>\n    --untagged\n    [--older-than <age: 90s, 30m, 12h, 1d, 2w>]\n    [--include-orphan-referrers]\n    [--registry-id <value>]\n    [--dry-run]\n\n" +
        "EXAMPLES\n    # Delete all untagged images (the cheat sheet's describe-images | xargs batch-delete-image)\n" +
        "    dotnet ecr images cleanup --repository-name my-app/backend --untagged\n\n" +
        "    # Preview what a daily cleanup of day-old untagged images would delete\n" +
        "    dotnet ecr images cleanup --repository-name my-app/backend --untagged --older-than 1d --dry-run\n";

    public async Task<int> RunAsync(IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        var options = VerbOptions.Parse(words, s_valued, s_flags);
        var repository = options.Required("--repository-name");
        if (!options.Flag("--untagged"))
        {
            throw new CliUsageException("the following arguments are required: --untagged", showUsage: true);
        }

        var maxAge = options.Value("--older-than") is { } age ? AgeParser.Parse(age) : (TimeSpan?)null;
        var registryId = options.Value("--registry-id");
        var dryRun = options.Flag("--dry-run");
        progress.Status($"Listing the untagged images of {repository}");
        var images = await ImagesAsync(repository, registryId, cancellationToken).ConfigureAwait(false);
        var untagged = images.Where(image => !image.IsTagged).ToList();
        var selected = untagged.Where(image => maxAge is null || now - image.PushedAt >= maxAge).Select(image => image.Digest).ToHashSet(StringComparer.Ordinal);
        var links = new Dictionary<string, ManifestLinks>(StringComparer.Ordinal);
        if (selected.Count > 0)
        {
            // The selected images (each may be a referrer or an index) and the kept ones that are, or may be, indexes.
            var toRead = images.Where(image => selected.Contains(image.Digest) || image.ManifestMediaType is null || MediaTypes.IsIndex(image.ManifestMediaType))
                .Select(image => image.Digest).ToList();
            progress.Status($"Reading {toRead.Count} manifests of {repository}");
            links = await new ImageManifestReader(caller, repository, registryId).ReadAsync(toRead, cancellationToken).ConfigureAwait(false);
        }

        var plan = CleanupPlanner.Plan(images, selected, links, options.Flag("--include-orphan-referrers"));
        if (dryRun)
        {
            foreach (var image in plan.Deleted)
            {
                progress.Print(output, $"would delete {image.Digest} (pushed {image.PushedAt:yyyy-MM-dd'T'HH:mm:ssK})\n");
            }
        }

        foreach (var kept in plan.Kept)
        {
            progress.Print(output, $"{(dryRun ? "would keep" : "kept")} {kept.Image.Digest} ({Why(kept)})\n");
        }

        var failures = 0;
        if (dryRun)
        {
            progress.Print(output, $"{plan.DeletedCount} of {untagged.Count} untagged images in {repository} would be deleted (dry run).\n");
        }
        else
        {
            var batches = plan.DeletionWaves.SelectMany(wave => wave.Chunk(BatchSize)).ToList();
            foreach (var (batch, number) in batches.Select((b, i) => (b, i + 1)))
            {
                progress.Status($"Deleting batch {number} of {batches.Count} ({batch.Length} images) from {repository}");
                failures += await DeleteAsync(repository, registryId, batch, cancellationToken).ConfigureAwait(false);
            }

            progress.Print(output, $"Deleted {plan.DeletedCount - failures} of {untagged.Count} untagged images in {repository}.\n");
        }

        if (plan.Kept.Count > 0)
        {
            progress.Print(output, $"Kept {plan.Kept.Count} untagged images that kept images need: {Summary(plan.Kept)}.\n");
        }

        return failures == 0 ? ExitCodes.Success : 1;
    }

    private static string Why(KeptImage kept) => kept.Reason switch
    {
        KeepReason.ReferencedByKeptIndex => $"listed by the kept index {kept.Because}",
        KeepReason.ReferrerOfKeptImage => $"a referrer of the kept image {kept.Because}",
        KeepReason.OrphanReferrer => $"a referrer whose subject {kept.Because} is gone; --include-orphan-referrers deletes it",
        _ => "its manifest could not be read, so what needs it is unknown",
    };

    private static string Summary(IReadOnlyList<KeptImage> kept) => string.Join(", ", kept.GroupBy(k => k.Reason).OrderBy(g => g.Key).Select(group => group.Key switch
    {
        KeepReason.ReferencedByKeptIndex => $"{group.Count()} listed by a kept index",
        KeepReason.ReferrerOfKeptImage => $"{group.Count()} referrers of a kept image",
        KeepReason.OrphanReferrer => $"{group.Count()} orphan referrers (--include-orphan-referrers deletes them)",
        _ => $"{group.Count()} with an unreadable manifest",
    }));

    private async Task<List<RepositoryImage>> ImagesAsync(string repository, string? registryId, CancellationToken cancellationToken)
    {
        var operation = EcrServiceModel.Instance.Operations["describe-images"];
        var parameters = new JsonObject { ["repositoryName"] = repository };
        if (registryId is not null)
        {
            parameters["registryId"] = registryId;
        }

        var pager = new OperationPager(caller, operation, operation.Paginator!);
        var all = pager.BuildFullResult(await pager.FetchAsync(new OperationRequest(parameters, null, null, null), cancellationToken).ConfigureAwait(false));
        return ((all["imageDetails"] as JsonArray) ?? [])
            .OfType<JsonObject>()
            .Select(d => new RepositoryImage(
                (string)d["imageDigest"]!,
                [.. (d["imageTags"] as JsonArray ?? []).Select(tag => (string?)tag).OfType<string>()],
                d["imagePushedAt"] is { } pushed ? DateTimeOffset.Parse((string)pushed!, CultureInfo.InvariantCulture) : DateTimeOffset.MinValue,
                (string?)d["imageManifestMediaType"]))
            .ToList();
    }

    private async Task<int> DeleteAsync(string repository, string? registryId, RepositoryImage[] batch, CancellationToken cancellationToken)
    {
        var parameters = new JsonObject
        {
            ["repositoryName"] = repository,
            ["imageIds"] = new JsonArray(batch.Select(i => (JsonNode)new JsonObject { ["imageDigest"] = i.Digest }).ToArray()),
        };
        if (registryId is not null)
        {
            parameters["registryId"] = registryId;
        }

        var response = await caller.CallAsync(EcrServiceModel.Instance.Operations["batch-delete-image"], parameters, cancellationToken).ConfigureAwait(false);
        foreach (var deleted in (response["imageIds"] as JsonArray ?? []).OfType<JsonObject>())
        {
            progress.Print(output, $"deleted {(string?)deleted["imageDigest"]}\n");
        }

        var failures = (response["failures"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        foreach (var failure in failures)
        {
            progress.Print(error, $"could not delete {(string?)failure["imageId"]?["imageDigest"]}: {(string?)failure["failureCode"]} {(string?)failure["failureReason"]}\n");
        }

        return failures.Count;
    }
}
