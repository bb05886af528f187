using System.Globalization;
using System.Text.Json.Nodes;
using EcrPublish.Cli.Arguments;
using EcrPublish.Cli.Execution;
using EcrPublish.Cli.Progress;
using EcrPublish.Cli.ServiceModel;

namespace EcrPublish.Cli.Verbs;

/// <summary>
/// <c>dotnet ecr images cleanup --repository-name R --untagged [--older-than 1d] [--dry-run]</c>: the cheat
/// sheet's "delete all untagged images" pipeline in one command, deleting in batches of 100 (BatchDeleteImage's limit).
/// What is deleted goes to <paramref name="output"/>; which batch is running goes to <paramref name="progress"/>.
/// </summary>
internal sealed class ImagesCleanupCommand(OperationCaller caller, TextWriter output, TextWriter error, IProgressDisplay progress, DateTimeOffset now)
{
    public const int BatchSize = 100;

    private static readonly HashSet<string> s_valued = ["--repository-name", "--registry-id", "--older-than"];
    private static readonly HashSet<string> s_flags = ["--untagged", "--dry-run"];

    public const string Help =
        "NAME\n    images cleanup\n\nDESCRIPTION\n" +
        "    Deletes the untagged images of a repository (all of them, or those pushed\n" +
        "    longer ago than --older-than), 100 per BatchDeleteImage call. --dry-run\n" +
        "    lists what would be deleted and deletes nothing.\n\n" +
        "SYNOPSIS\n    images cleanup\n    --repository-name <value>\n    --untagged\n    [--older-than <age: 90s, 30m, 12h, 1d, 2w>]\n    [--registry-id <value>]\n    [--dry-run]\n\n" +
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
        progress.Status($"Listing the untagged images of {repository}");
        var candidates = await UntaggedImagesAsync(repository, registryId, cancellationToken).ConfigureAwait(false);
        var selected = candidates.Where(c => maxAge is null || now - c.PushedAt >= maxAge).ToList();
        if (options.Flag("--dry-run"))
        {
            foreach (var image in selected)
            {
                progress.Print(output, $"would delete {image.Digest} (pushed {image.PushedAt:yyyy-MM-dd'T'HH:mm:ssK})\n");
            }

            progress.Print(output, $"{selected.Count} of {candidates.Count} untagged images in {repository} would be deleted (dry run).\n");
            return ExitCodes.Success;
        }

        var failures = 0;
        var batches = selected.Chunk(BatchSize).ToList();
        foreach (var (batch, number) in batches.Select((b, i) => (b, i + 1)))
        {
            progress.Status($"Deleting batch {number} of {batches.Count} ({batch.Length} images) from {repository}");
            failures += await DeleteAsync(repository, registryId, batch, cancellationToken).ConfigureAwait(false);
        }

        progress.Print(output, $"Deleted {selected.Count - failures} of {candidates.Count} untagged images in {repository}.\n");
        return failures == 0 ? ExitCodes.Success : 1;
    }

    private async Task<List<UntaggedImage>> UntaggedImagesAsync(string repository, string? registryId, CancellationToken cancellationToken)
    {
        var operation = EcrServiceModel.Instance.Operations["describe-images"];
        var parameters = new JsonObject { ["repositoryName"] = repository, ["filter"] = new JsonObject { ["tagStatus"] = "UNTAGGED" } };
        if (registryId is not null)
        {
            parameters["registryId"] = registryId;
        }

        var pager = new OperationPager(caller, operation, operation.Paginator!);
        var all = pager.BuildFullResult(await pager.FetchAsync(new OperationRequest(parameters, null, null, null), cancellationToken).ConfigureAwait(false));
        return ((all["imageDetails"] as JsonArray) ?? [])
            .OfType<JsonObject>()
            // ECR's UNTAGGED filter is authoritative, but an emulator may ignore it: keep only images without tags.
            .Where(d => d["imageTags"] is not JsonArray { Count: > 0 })
            .Select(d => new UntaggedImage(
                (string)d["imageDigest"]!,
                d["imagePushedAt"] is { } pushed ? DateTimeOffset.Parse((string)pushed!, CultureInfo.InvariantCulture) : DateTimeOffset.MinValue))
            .ToList();
    }

    private async Task<int> DeleteAsync(string repository, string? registryId, UntaggedImage[] batch, CancellationToken cancellationToken)
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
