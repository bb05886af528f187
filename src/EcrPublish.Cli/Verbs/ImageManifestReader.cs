using System.Text.Json.Nodes;
using EcrPublish.Cli.Execution;
using EcrPublish.Cli.ServiceModel;
using EcrPublish.Images;

namespace EcrPublish.Cli.Verbs;

/// <summary>Reads manifests by digest through BatchGetImage, 100 per call (its limit), and returns what they link to.</summary>
internal sealed class ImageManifestReader(OperationCaller caller, string repository, string? registryId)
{
    public const int BatchSize = 100;

    // Every manifest type ECR stores, so that it returns each manifest as it was pushed instead of converting it (an image
    // it still cannot return comes back as a failure, and is kept).
    private static readonly string[] s_accepted = [.. MediaTypes.AllManifestTypes, "application/vnd.docker.distribution.manifest.v1+json"];

    /// <summary>The links of each manifest read; digests ECR could not return are missing from the result.</summary>
    public async Task<Dictionary<string, ManifestLinks>> ReadAsync(IReadOnlyCollection<string> digests, CancellationToken cancellationToken)
    {
        var links = new Dictionary<string, ManifestLinks>(StringComparer.Ordinal);
        foreach (var batch in digests.Chunk(BatchSize))
        {
            var parameters = new JsonObject
            {
                ["repositoryName"] = repository,
                ["imageIds"] = new JsonArray([.. batch.Select(digest => (JsonNode)new JsonObject { ["imageDigest"] = digest })]),
                ["acceptedMediaTypes"] = new JsonArray([.. s_accepted.Select(type => (JsonNode)JsonValue.Create(type))]),
            };
            if (registryId is not null)
            {
                parameters["registryId"] = registryId;
            }

            var response = await caller.CallAsync(EcrServiceModel.Instance.Operations["batch-get-image"], parameters, cancellationToken).ConfigureAwait(false);
            foreach (var image in (response["images"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if ((string?)image["imageId"]?["imageDigest"] is { } digest && (string?)image["imageManifest"] is { } manifest)
                {
                    links[digest] = ManifestLinks.Parse(manifest);
                }
            }
        }

        return links;
    }
}
