using System.Text;
using EcrPublish.Aws;
using EcrPublish.Aws.Model;
using EcrPublish.Images;
using EcrPublish.Registry;

namespace EcrPublish.Publishing.Stages;

/// <summary>
/// Reads every tag and the image's digest in one ECR BatchGetImage call instead of a registry request per tag. Used only
/// when the registry pushed to is the ECR registry of that API (moto, say, knows nothing of images pushed to another
/// registry). Any doubt — the call denied or failed, a tag the answer does not account for — returns null, and the push
/// asks the registry as before.
/// </summary>
/// <param name="ecr">The ECR client of the publish.</param>
/// <param name="registryId">The account that owns the repository; null for the caller's own.</param>
/// <param name="log">Where a fallback to the registry is noted.</param>
public sealed class EcrApiTagStateReader(EcrApiClient ecr, string? registryId, IPublishLog log) : ITagStateReader
{
    // BatchGetImage's limit on imageIds; the image's digest takes one.
    private const int MaxImageIds = 100;

    // Every manifest type we push, so that ECR returns what it stores rather than converting it.
    private static readonly IReadOnlyList<string> s_accepted = MediaTypes.AllManifestTypes;

    public async Task<RemoteTagStates?> ReadAsync(string repository, IReadOnlyList<string> tags, string digest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tags);
        if (tags.Count + 1 > MaxImageIds)
        {
            return null;
        }

        BatchGetImageResponse response;
        try
        {
            response = await ecr.BatchGetImageAsync(new BatchGetImageRequest
            {
                RegistryId = registryId,
                RepositoryName = repository,
                ImageIds = [.. tags.Select(tag => new ImageIdentifier { ImageTag = tag }), new ImageIdentifier { ImageDigest = digest }],
                AcceptedMediaTypes = s_accepted,
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is EcrClientException or HttpRequestException or IOException ||
            (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            log.Detail($"EcrPublish: BatchGetImage could not read the tags of {repository} ({exception.Message}); asking the registry tag by tag.");
            return null;
        }

        return Interpret(tags, digest, response);
    }

    /// <summary>The states the answer gives, or null when it leaves a tag unaccounted for or contradicts itself.</summary>
    internal static RemoteTagStates? Interpret(IReadOnlyList<string> tags, string digest, BatchGetImageResponse response)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(response);
        var images = response.Images ?? [];
        var states = new Dictionary<string, RemoteManifest?>(StringComparer.Ordinal);
        foreach (var tag in tags.Distinct(StringComparer.Ordinal))
        {
            var found = images.Where(image => image.ImageId?.ImageTag == tag).ToList();
            if (found.Count == 1 && ToManifest(found[0]) is { } manifest)
            {
                states[tag] = manifest;
            }
            else if (found.Count == 0 && (response.Failures ?? []).Any(failure => failure.ImageId?.ImageTag == tag && failure.FailureCode == "ImageNotFound"))
            {
                states[tag] = null;
            }
            else
            {
                return null;
            }
        }

        var present = images.Any(image => image.ImageId?.ImageDigest == digest);
        return new RemoteTagStates(states, present);
    }

    /// <summary>
    /// The manifest as ECR returned it, under the digest ECR names for the tag. Its bytes tell which blobs the repository
    /// holds only when they are what was stored (they hash to that digest); otherwise they are left out.
    /// </summary>
    private static RemoteManifest? ToManifest(Image image)
    {
        if (image.ImageId?.ImageDigest is not { } stored || !ContentDigest.IsValid(stored))
        {
            return null;
        }

        var content = Encoding.UTF8.GetBytes(image.ImageManifest ?? "");
        return new RemoteManifest(image.ImageManifestMediaType ?? MediaTypes.OciManifest, ContentDigest.Of(content) == stored ? content : [], stored);
    }
}
