using EcrPublish.SupplyChain;

namespace EcrPublish.Publishing.Stages;

/// <summary>
/// Attaches the request's supply-chain documents (<see cref="SupplyChainSettings"/>) to the pushed image through
/// <paramref name="pusher"/> (the registry's, <see cref="RegistryReferrerPusher"/>, when null), and writes the first SBOM next to the result file. The Docker builder's image has no
/// build record (base image, publish layers), so it gets the provenance only.
/// </summary>
public sealed class SupplyChainAttachStage(EcrPublishRequest request, PublishConnections connections, IReferrerPusher? pusher, IPublishLog log) : IAttachStage
{
    public async Task<IReadOnlyList<AttachedReferrer>> AttachAsync(PushTarget target, PushedImage image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        var settings = request.SupplyChain;
        if (!settings.Sbom && !settings.Provenance)
        {
            return [];
        }

        var options = ImageOptionsFactory.Create(request);
        var timer = connections.Steps;
        var documents = new SupplyChainDocuments(request, connections, timer);
        var artifacts = new List<ReferrerArtifact>();
        if (settings.Sbom && image.Built is { } built)
        {
            artifacts.AddRange(await timer.TimeAsync("sbom", () => documents.SbomsAsync(built, target, options, cancellationToken)).ConfigureAwait(false));
        }
        else if (settings.Sbom)
        {
            log.Important("EcrPublish: no SBOM attached: the Docker builder's image has no record of its base image and app layers. Build without Docker (EcrImageBuilder=Daemonless) for an SBOM, or set EcrSbom=false to silence this.");
        }

        if (settings.Provenance)
        {
            artifacts.Add(timer.Time("provenance", () => documents.Provenance(image, target, options)));
        }

        var attached = await timer.TimeAsync("referrers push", () => pusher is null
            ? AttachPerSubjectAsync(new RegistryReferrerPusher(connections, image.Descriptors), artifacts, target, image, cancellationToken)
            : new ReferrerAttachStage(artifacts, pusher).AttachAsync(target, image, cancellationToken)).ConfigureAwait(false);
        log.Detail($"EcrPublish: referrers {string.Join(", ", attached.Select(referrer => $"{referrer.ArtifactType} {referrer.Digest} -> {referrer.SubjectDigest}"))}.");
        return WriteFirstSbom(artifacts, attached);
    }

    // One listing of each subject's referrers for all its artifacts: a publish without change then costs one request per subject.
    private static async Task<IReadOnlyList<AttachedReferrer>> AttachPerSubjectAsync(
        RegistryReferrerPusher registry, List<ReferrerArtifact> artifacts, PushTarget target, PushedImage image, CancellationToken cancellationToken)
    {
        var attached = new AttachedReferrer[artifacts.Count];
        foreach (var subject in Enumerable.Range(0, artifacts.Count).GroupBy(i => artifacts[i].SubjectDigest ?? image.Digest, StringComparer.Ordinal))
        {
            var digests = await registry.PushAllAsync(target, subject.Key, [.. subject.Select(i => artifacts[i])], cancellationToken).ConfigureAwait(false);
            foreach (var (i, digest) in subject.Zip(digests))
            {
                attached[i] = new AttachedReferrer(artifacts[i].ArtifactType, digest, subject.Key);
            }
        }

        return attached;
    }

    private List<AttachedReferrer> WriteFirstSbom(List<ReferrerArtifact> artifacts, IReadOnlyList<AttachedReferrer> attached)
    {
        var result = attached.ToList();
        var sbom = artifacts.FindIndex(artifact => artifact.ArtifactType is SupplyChainMediaTypes.SpdxJson or SupplyChainMediaTypes.CycloneDxJson);
        if (sbom < 0)
        {
            return result;
        }

        var extension = artifacts[sbom].ArtifactType == SupplyChainMediaTypes.SpdxJson ? "spdx" : "cdx";
        var path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(request.ResultFile))!, $"ecrpublish.sbom.{extension}.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, artifacts[sbom].Content.ToArray());
        result[sbom] = result[sbom] with { LocalFile = path };
        return result;
    }
}
