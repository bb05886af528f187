using System.Text;
using System.Text.Json.Nodes;
using EcrPublish.Cli.Arguments;
using EcrPublish.Cli.Execution;
using EcrPublish.Cli.ServiceModel;
using EcrPublish.EcrRules;
using EcrPublish.Images;
using EcrPublish.Registry;

namespace EcrPublish.Cli.Verbs;

/// <summary>
/// <c>dotnet ecr images tag --repository-name R --source-tag T|--source-digest D --tag NEW</c>: retags an image without
/// rebuilding or pulling it — BatchGetImage for its manifest, exactly as stored (bytes and media type, checked against the
/// digest), then PutImage of that manifest with the new tag. The same image already tagged is success; an immutable tag
/// on another image is ECR7034.
/// </summary>
internal sealed class ImagesTagCommand(Func<OperationCaller> connect, TextWriter output)
{
    private OperationCaller? _caller;
    private static readonly HashSet<string> s_valued = ["--repository-name", "--source-tag", "--source-digest", "--tag", "--registry-id"];

    // Every manifest type ECR stores, so that it returns the manifest as it was pushed instead of converting it.
    private static readonly string[] s_accepted = [.. MediaTypes.AllManifestTypes, "application/vnd.docker.distribution.manifest.v1+json"];

    public const string Help =
        "NAME\n    images tag\n\nDESCRIPTION\n" +
        "    Adds a tag to an image that is already in the repository, without\n" +
        "    rebuilding, pulling or pushing it: the image's manifest is read with\n" +
        "    BatchGetImage exactly as stored and put again with PutImage under the\n" +
        "    new tag, so the digest stays the same. In a mutable repository a tag\n" +
        "    that named another image moves; in an immutable one that is an error\n" +
        "    (ECR7034). A tag that already names the image changes nothing.\n\n" +
        "SYNOPSIS\n    images tag\n    --repository-name <value>\n    --source-tag <value> | --source-digest <value>\n    --tag <value>\n    [--registry-id <value>]\n\n" +
        "EXAMPLES\n    # Promote the tested build to 'prod' without rebuilding it\n" +
        "    dotnet ecr images tag --repository-name my-app/backend --source-tag v1.2.0 --tag prod\n\n" +
        "    # Tag an image by its digest\n" +
        "    dotnet ecr images tag --repository-name my-app/backend --source-digest sha256:<digest> --tag v1.2.0\n";

    public async Task<int> RunAsync(IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        var options = VerbOptions.Parse(words, s_valued, new HashSet<string>());
        var repository = options.Required("--repository-name");
        var tag = options.Required("--tag");
        var registryId = options.Value("--registry-id");
        var (sourceTag, sourceDigest) = (options.Value("--source-tag"), options.Value("--source-digest"));
        if ((sourceTag is null) == (sourceDigest is null))
        {
            throw new CliUsageException($"{CliErrorCodes.TagOptionsInvalid}: give the image to tag with exactly one of --source-tag and --source-digest.");
        }

        if (!EcrImageTag.IsValidPutImageTag(tag))
        {
            throw new CliUsageException($"{CliErrorCodes.TagOptionsInvalid}: --tag '{tag}' is not a tag ECR accepts (letters, digits, '_', '.', '-'; up to 300 characters).");
        }

        var sourceId = sourceTag is not null ? new JsonObject { ["imageTag"] = sourceTag } : new JsonObject { ["imageDigest"] = sourceDigest };
        var image = await GetAsync(repository, registryId, sourceId, cancellationToken).ConfigureAwait(false)
            ?? throw new CliConfigurationException($"{CliErrorCodes.TagSourceNotFound}: {repository} has no image {(sourceTag is not null ? $"tagged '{sourceTag}'" : sourceDigest)}. Check it with dotnet ecr list-images --repository-name {repository}.");

        var parameters = new JsonObject
        {
            ["repositoryName"] = repository,
            ["imageManifest"] = image.Manifest,
            ["imageManifestMediaType"] = image.MediaType,
            ["imageTag"] = tag,
            ["imageDigest"] = image.Digest,
        };
        if (registryId is not null)
        {
            parameters["registryId"] = registryId;
        }

        try
        {
            await Caller.CallAsync(EcrServiceModel.Instance.OperationByName("PutImage"), parameters, cancellationToken).ConfigureAwait(false);
        }
        catch (EcrOperationException exception) when (exception.ErrorCode is "ImageAlreadyExistsException" or "ImageTagAlreadyExistsException")
        {
            // Both mean "already there" when the tag names this digest (an immutable repository answers the second, containers-roadmap#2179).
            var current = await GetAsync(repository, registryId, new JsonObject { ["imageTag"] = tag }, cancellationToken).ConfigureAwait(false);
            if (current?.Digest != image.Digest)
            {
                throw new EcrPublishException(CopyErrorCodes.TagPointsElsewhere,
                    $"the tag '{tag}' of {repository} is immutable and names {current?.Digest ?? "another image"}, not {image.Digest}. Choose another tag, or make the repository's tags mutable (dotnet ecr put-image-tag-mutability).");
            }

            output.Write($"{repository}:{tag} already names {image.Digest}; nothing changed.\n");
            return ExitCodes.Success;
        }

        output.Write($"Tagged {repository}@{image.Digest} as {tag}.\n");
        return ExitCodes.Success;
    }

    // Connected on first use, so that a bad command line is reported without AWS configuration.
    private OperationCaller Caller => _caller ??= connect();

    /// <summary>The image's manifest as ECR stores it, checked against its digest; null when there is no such image.</summary>
    private async Task<(string Manifest, string MediaType, string Digest)?> GetAsync(string repository, string? registryId, JsonObject imageId, CancellationToken cancellationToken)
    {
        var parameters = new JsonObject
        {
            ["repositoryName"] = repository,
            ["imageIds"] = new JsonArray(imageId),
            ["acceptedMediaTypes"] = new JsonArray([.. s_accepted.Select(type => (JsonNode)JsonValue.Create(type))]),
        };
        if (registryId is not null)
        {
            parameters["registryId"] = registryId;
        }

        var response = await Caller.CallAsync(EcrServiceModel.Instance.OperationByName("BatchGetImage"), parameters, cancellationToken).ConfigureAwait(false);
        if ((response["images"] as JsonArray)?.FirstOrDefault() is not JsonObject image || (string?)image["imageManifest"] is not { } manifest)
        {
            return null;
        }

        var digest = (string?)image["imageId"]?["imageDigest"] ?? "";
        var actual = ContentDigest.Of(Encoding.UTF8.GetBytes(manifest));
        if (actual != digest)
        {
            throw new EcrPublishException(CliErrorCodes.TagManifestNotAsAddressed,
                $"the manifest ECR returned for {repository}@{digest} hashes to {actual}: the manifest and its digest disagree (converted to another format, or an emulator that computes digests its own way), so nothing was tagged. Report it with this message.");
        }

        var mediaType = (string?)image["imageManifestMediaType"] ?? (string?)JsonNode.Parse(manifest)?["mediaType"] ?? MediaTypes.OciManifest;
        return (manifest, mediaType, digest);
    }
}
