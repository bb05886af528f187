using System.Reflection;
using EcrPublish.Images;
using EcrPublish.SupplyChain;
using EcrPublish.Tagging;

namespace EcrPublish.Publishing.Stages;

/// <summary>
/// Writes the documents a publish attaches: the SBOM(s) of each platform image (subject = the platform manifest) and the
/// provenance statement (subject = the pushed image or index). Same inputs, same bytes: the timestamp is the image's own.
/// </summary>
/// <param name="request">The publish.</param>
/// <param name="connections">The registry clients and layer cache the base image's layers are read through.</param>
/// <param name="timer">Times the steps (base image packages, SBOM inputs, documents); none when null.</param>
public sealed class SupplyChainDocuments(EcrPublishRequest request, PublishConnections connections, PublishStepTimer? timer = null)
{
    /// <summary>EcrPublish's version as the documents name it.</summary>
    public static string ToolVersion { get; } =
        typeof(SupplyChainDocuments).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>The SBOM artifacts of every platform image of <paramref name="built"/>, in platform order.</summary>
    public async Task<IReadOnlyList<ReferrerArtifact>> SbomsAsync(ImageBuildResult built, PushTarget target, ImageOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(built);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        var artifacts = new List<ReferrerArtifact>();
        for (var i = 0; i < built.Images.Count; i++)
        {
            var platformImage = built.Images[i];
            var baseFiles = await TimeAsync("sbom base image packages (wait)", () => connections.BaseInventories.GetAsync(platformImage.Base, cancellationToken)).ConfigureAwait(false);
            var inputs = Time("sbom inputs", () => SbomInputGatherer.Gather(new SbomSources
            {
                PublishDirectory = options.Platforms[i].PublishDirectory,
                AppName = options.AppName,
                AppVersion = request.Project.Version,
                Image = new SbomImage(target.Repository, platformImage.Digest, platformImage.Manifest.Config.Digest, platformImage.Platform.Os, platformImage.Platform.Architecture),
                BaseImage = platformImage.Base,
                BaseFiles = baseFiles,
                Git = GitFacts.Unknown with { Sha = request.GitSha },
                RepositoryUrl = SourceUrl(options),
                Created = SourceDateEpoch.Resolve(options.Timestamp),
                ToolVersion = ToolVersion,
            }));
            if (request.SupplyChain.SbomFormat is SbomFormat.Spdx or SbomFormat.Both)
            {
                artifacts.Add(Artifact(SupplyChainMediaTypes.SpdxJson, Time("spdx document", () => SbomDocumentWriter.WriteSpdx(inputs)), platformImage.Digest));
            }

            if (request.SupplyChain.SbomFormat is SbomFormat.CycloneDx or SbomFormat.Both)
            {
                artifacts.Add(Artifact(SupplyChainMediaTypes.CycloneDxJson, Time("cyclonedx document", () => SbomDocumentWriter.WriteCycloneDx(inputs)), platformImage.Digest));
            }
        }

        return artifacts;
    }

    /// <summary>The provenance statement of the pushed image (or index), attached to it.</summary>
    public ReferrerArtifact Provenance(PushedImage image, PushTarget target, ImageOptions options)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        var statement = ProvenanceStatementWriter.Write(new ProvenanceInputs
        {
            Subjects = [new ProvenanceSubject(target.ImageUri, image.Digest)],
            ToolVersion = ToolVersion,
            Project = request.Project.ProjectName,
            Configuration = request.Build.Configuration,
            RuntimeIdentifiers = [.. options.Platforms.Select(platform => platform.RuntimeIdentifier)],
            TagTemplates = request.Build.TagTemplates,
            SdkVersion = request.Build.SdkVersion,
            Repository = request.Repository,
            BaseImage = request.Container.BaseImage,
            RepositoryUrl = SourceUrl(options),
            GitCommit = request.GitSha,
            BaseImages = [.. (image.Built?.Images ?? []).Where(built => built.Base is { Reference: not null, ManifestDigest: not null })
                .Select(built => new ProvenanceBaseImage(built.Base!.Reference!.ToString(), built.Base.ManifestDigest!, built.Platform.Architecture))],
            CiRun = CiRunReader.Read(CiRunReader.ReadProcessEnvironment()),
        });
        return Artifact(SupplyChainMediaTypes.InTotoJson, statement, subjectDigest: null);
    }

    private T Time<T>(string name, Func<T> step) => timer is null ? step() : timer.Time(name, step);

    private Task<T> TimeAsync<T>(string name, Func<Task<T>> step) => timer is null ? step() : timer.TimeAsync(name, step);

    private static ReferrerArtifact Artifact(string mediaType, byte[] content, string? subjectDigest) => new(mediaType, mediaType, content, subjectDigest);

    private static string? SourceUrl(ImageOptions options) =>
        options.SourceUrl ?? (options.Labels.TryGetValue("org.opencontainers.image.source", out var source) ? source : null);
}
