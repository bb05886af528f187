using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using EcrPublish.Cli.Arguments;
using EcrPublish.Cli.Execution;
using EcrPublish.Cli.ServiceModel;
using EcrPublish.Lifecycle;

namespace EcrPublish.Cli.Verbs;

/// <summary>
/// <c>dotnet ecr lifecycle preview --policy FILE (--repository-name R | --images SNAPSHOT)</c>: evaluates a
/// lifecycle policy offline with EcrPublish.Ecr's <see cref="LifecyclePolicyEvaluator"/> against the repository's current
/// images (or a saved <c>describe-images</c> output) and prints which images would expire and by which rule.
/// </summary>
internal sealed class LifecyclePreviewCommand(Func<OperationCaller> connect, TextWriter output, DateTimeOffset now)
{
    private static readonly HashSet<string> s_valued = ["--policy", "--repository-name", "--registry-id", "--images"];

    public const string Help =
        "NAME\n    lifecycle preview\n\nDESCRIPTION\n" +
        "    Evaluates a lifecycle policy on this machine, as ECR would, against the\n" +
        "    repository's current images or against a saved 'describe-images' output,\n" +
        "    and prints a table of the images it would expire with the rule that\n" +
        "    selects each. Nothing is changed in the registry.\n\n" +
        "SYNOPSIS\n    lifecycle preview\n    --policy <file>\n    --repository-name <value> | --images <describe-images output file>\n    [--registry-id <value>]\n\n" +
        "EXAMPLES\n    # Preview lifecycle policy (dry run)\n" +
        "    dotnet ecr lifecycle preview --repository-name my-app/backend --policy lifecycle-policy.json\n";

    public async Task<int> RunAsync(IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        var options = VerbOptions.Parse(words, s_valued, new HashSet<string>());
        var policyText = ReadFile("--policy", options.Required("--policy"));
        var validation = LifecyclePolicyValidator.Validate(policyText);
        if (!validation.IsValid)
        {
            throw new ParameterValidationException("The lifecycle policy is not valid:\n" + string.Join('\n', validation.Errors));
        }

        var policy = validation.Policy!;
        var details = options.Value("--images") is { } snapshot
            ? ImageDetails(JsonNode.Parse(ReadFile("--images", snapshot)))
            : await RepositoryImagesAsync(options.Required("--repository-name"), options.Value("--registry-id"), cancellationToken).ConfigureAwait(false);
        var images = details.Select(ToLifecycleImage).ToList();
        var preview = LifecyclePolicyEvaluator.Evaluate(policy, images, now);
        output.Write(Format(preview, policy, images.Count));
        return ExitCodes.Success;
    }

    private static string Format(LifecyclePreview preview, LifecyclePolicy policy, int imageCount)
    {
        var rows = preview.Results
            .OrderBy(r => r.AppliedRulePriority)
            .ThenBy(r => r.ImagePushedAt)
            .Select(r => new[]
            {
                r.ImageDigest.Length > 19 ? r.ImageDigest[..19] : r.ImageDigest,
                r.ImageTags.Count == 0 ? "<untagged>" : string.Join(',', r.ImageTags),
                r.ImagePushedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                r.Action.Type.ToString().ToLowerInvariant() + (r.Action.TargetStorageClass is { } target ? " to " + target : ""),
                r.AppliedRulePriority.ToString(CultureInfo.InvariantCulture) + " " + (policy.Rules.FirstOrDefault(rule => rule.RulePriority == r.AppliedRulePriority)?.Description ?? ""),
            })
            .ToList();
        string[] headers = ["IMAGE", "TAGS", "PUSHED (UTC)", "ACTION", "RULE"];
        var widths = Enumerable.Range(0, headers.Length).Select(c => rows.Select(r => r[c].Length).Append(headers[c].Length).Max()).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(headers))
        {
            text.Append(string.Join("  ", row.Select((cell, c) => c == row.Length - 1 ? cell : cell.PadRight(widths[c]))).TrimEnd()).Append('\n');
        }

        text.Append(CultureInfo.InvariantCulture, $"{preview.Summary.ExpiringImageTotalCount} of {imageCount} images would expire.\n");
        return text.ToString();
    }

    private async Task<List<JsonObject>> RepositoryImagesAsync(string repository, string? registryId, CancellationToken cancellationToken)
    {
        var operation = EcrServiceModel.Instance.Operations["describe-images"];
        var parameters = new JsonObject { ["repositoryName"] = repository };
        if (registryId is not null)
        {
            parameters["registryId"] = registryId;
        }

        var pager = new OperationPager(connect(), operation, operation.Paginator!);
        return ImageDetails(pager.BuildFullResult(await pager.FetchAsync(new OperationRequest(parameters, null, null, null), cancellationToken).ConfigureAwait(false)));
    }

    private static List<JsonObject> ImageDetails(JsonNode? describeImagesOutput) =>
        ((describeImagesOutput?["imageDetails"] as JsonArray) ?? []).OfType<JsonObject>().ToList();

    private static LifecycleImage ToLifecycleImage(JsonObject detail) => new()
    {
        Digest = (string?)detail["imageDigest"] ?? throw new ParameterException("--images", "an image has no imageDigest"),
        Tags = (detail["imageTags"] as JsonArray ?? []).Select(t => (string)t!).ToList(),
        PushedAt = Timestamp(detail["imagePushedAt"]) ?? throw new ParameterException("--images", $"image {(string?)detail["imageDigest"]} has no imagePushedAt"),
        LastRecordedPullTime = Timestamp(detail["lastRecordedPullTime"]),
    };

    // describe-images output has ISO 8601 text (AWS CLI v2) or epoch seconds (AWS CLI v1, the wire).
    private static DateTimeOffset? Timestamp(JsonNode? node) => node?.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.Number => DateTimeOffset.UnixEpoch.AddSeconds((double)node),
        System.Text.Json.JsonValueKind.String => DateTimeOffset.Parse((string)node!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        _ => null,
    };

    private static string ReadFile(string option, string value)
    {
        if (ParameterFileLoader.TryLoad(value, option) is { Text: { } text })
        {
            return text;
        }

        return ParameterFileLoader.TryLoad(ParameterFileLoader.TextPrefix + value, option)!.Text!;
    }
}
