using System.Text.Json;
using EcrPublish.Images;

namespace EcrPublish.Registry;

/// <summary>
/// Reads what copying an image carries from its registry: the image, every platform image of an index, and the referrers
/// (SBOMs, provenance, signatures; the referrers API, else the <c>sha256-&lt;hex&gt;</c> tag) of each of them and of
/// the referrers themselves. Every manifest is read by digest and checked against it and against its parent's descriptor.
/// </summary>
public sealed class CopyPlanReader(RegistryClient source)
{
    /// <summary>The plan for <paramref name="reference"/> (a tag or digest) in <paramref name="repository"/>; ECR7032 when it is not there.</summary>
    public async Task<CopyPlan> ReadAsync(string repository, string reference, CancellationToken cancellationToken)
    {
        var top = await source.GetManifestAsync(repository, reference, forPush: false, cancellationToken).ConfigureAwait(false)
            ?? throw new RegistryException(CopyErrorCodes.SourceNotFound,
                $"{source.Registry}/{repository} has no image '{reference}'. Check the tag or digest (dotnet ecr list-images --repository-name {repository}).");
        var manifests = new List<CopyManifest>();
        var blobs = new Dictionary<string, Descriptor>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var image = new CopyManifest(new Descriptor(top.MediaType, top.Digest, top.Content.Length), top.Content, MediaTypes.IsIndex(top.MediaType) ? "index" : "image", null);
        await WalkAsync(repository, image, manifests, blobs, seen, cancellationToken).ConfigureAwait(false);
        return new CopyPlan(image, manifests, [.. blobs.Values]);
    }

    private async Task WalkAsync(string repository, CopyManifest manifest, List<CopyManifest> manifests, Dictionary<string, Descriptor> blobs, HashSet<string> seen, CancellationToken cancellationToken)
    {
        if (!seen.Add(manifest.Descriptor.Digest))
        {
            return;
        }

        if (MediaTypes.IsIndex(manifest.Descriptor.MediaType))
        {
            foreach (var child in Parse(manifest, content => ImageIndex.Parse(content, manifest.Descriptor.MediaType)).Manifests)
            {
                var role = child.Platform is { } platform ? $"image {platform.Os}/{platform.Architecture}{(platform.Variant is null ? "" : "/" + platform.Variant)}" : "image";
                await WalkAsync(repository, await ReadAsync(repository, child, role, null, cancellationToken).ConfigureAwait(false), manifests, blobs, seen, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            var parsed = Parse(manifest, content => ImageManifest.Parse(content, manifest.Descriptor.MediaType));
            foreach (var blob in parsed.Layers.Prepend(parsed.Config))
            {
                blobs.TryAdd(blob.Digest, blob);
            }
        }

        manifests.Add(manifest);
        var referrers = await new ReferrersReader(source).ListAsync(repository, manifest.Descriptor.Digest, artifactType: null, cancellationToken).ConfigureAwait(false);
        foreach (var referrer in referrers.Referrers)
        {
            var role = $"referrer {referrer.ArtifactType ?? referrer.MediaType}";
            await WalkAsync(repository, await ReadAsync(repository, referrer, role, manifest.Descriptor.Digest, cancellationToken).ConfigureAwait(false), manifests, blobs, seen, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<CopyManifest> ReadAsync(string repository, Descriptor descriptor, string role, string? subject, CancellationToken cancellationToken)
    {
        var manifest = await source.GetManifestAsync(repository, descriptor.Digest, forPush: false, cancellationToken).ConfigureAwait(false)
            ?? throw new RegistryException(CopyErrorCodes.ManifestInvalid,
                $"{source.Registry}/{repository} lists {descriptor.Digest} ({role}) but does not have it. The source image is incomplete; copy one that is, or push the missing manifest first.");
        if (manifest.Content.Length != descriptor.Size || (MediaTypes.IsIndex(manifest.MediaType) || MediaTypes.IsManifest(manifest.MediaType)) == false)
        {
            throw new RegistryException(CopyErrorCodes.ManifestInvalid,
                $"{source.Registry}/{repository} lists {descriptor.Digest} ({role}) as {descriptor.Size} bytes, but it is {manifest.MediaType} of {manifest.Content.Length} bytes. The source image is inconsistent; nothing was copied.");
        }

        return new CopyManifest(descriptor with { MediaType = manifest.MediaType }, manifest.Content, role, subject);
    }

    private T Parse<T>(CopyManifest manifest, Func<byte[], T> parse)
    {
        try
        {
            return parse(manifest.Content);
        }
        catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            throw new RegistryException(CopyErrorCodes.ManifestInvalid,
                $"{source.Registry}: {manifest.Descriptor.Digest} ({manifest.Role}) cannot be read as {manifest.Descriptor.MediaType}: {exception.Message}. Nothing was copied.");
        }
    }
}
