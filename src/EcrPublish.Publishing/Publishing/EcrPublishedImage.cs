namespace EcrPublish.Publishing;

/// <summary>One pushed image (or multi-arch index) and what its scan found.</summary>
/// <param name="RepositoryUri">e.g. <c>123456789012.dkr.ecr.eu-west-1.amazonaws.com/hello-api</c>.</param>
/// <param name="Digest">Manifest (or index) digest, <c>sha256:…</c>.</param>
/// <param name="Tags">The tags that point at it.</param>
/// <param name="ScanStatus">ECR scan status (e.g. <c>COMPLETE</c>), or null when not scanned.</param>
/// <param name="FindingCounts">Findings per severity name (<c>CRITICAL</c>, <c>HIGH</c>, …).</param>
public sealed record EcrPublishedImage(
    string RepositoryUri,
    string Digest,
    IReadOnlyList<string> Tags,
    string? ScanStatus,
    IReadOnlyDictionary<string, int> FindingCounts)
{
    /// <summary>The referrers this publish attached (SBOM, provenance), each with its subject.</summary>
    public IReadOnlyList<Stages.AttachedReferrer> Referrers { get; init; } = [];

    /// <summary>How ECR's managed signing of the image ended, or null when the registry did not sign it (or was not asked).</summary>
    public SigningResult? Signing { get; init; }

    /// <summary>The SBOM written next to the result file, or null when none was made.</summary>
    public string? SbomFile { get; init; }

    /// <summary>The SARIF file of the scan's findings (<c>EcrScanSarifFile</c>), or null when none was written.</summary>
    public string? SarifFile { get; init; }

    /// <summary>The daemonless build that was pushed (manifests, configs, index); null for the Docker builder.</summary>
    public Images.ImageBuildResult? Built { get; init; }

    /// <summary>Media type of what the tags point at (manifest or index), or null when unknown.</summary>
    public string? MediaType { get; init; }

    /// <summary>The <c>EcrDestination</c> item this copy of the image went to, or null for the main destination.</summary>
    public string? Destination { get; init; }

    /// <summary>The archive <c>ContainerArchiveOutputPath</c> asked for, or null.</summary>
    public string? ArchiveFile { get; init; }

    /// <summary>
    /// The image as pushed to <paramref name="target"/> with <paramref name="referrers"/> attached there, and not scanned:
    /// the one construction of the main image and each EcrDestination's, which add what only they have.
    /// </summary>
    internal static EcrPublishedImage Pushed(Stages.PushTarget target, Stages.PushedImage pushed, IReadOnlyList<string> tags, IReadOnlyList<Stages.AttachedReferrer> referrers) =>
        new(target.ImageUri, pushed.Digest, tags, null, new Dictionary<string, int>())
        {
            Referrers = referrers,
            MediaType = pushed.Built?.MediaType ?? (pushed.Descriptors.Count > 0 ? pushed.Descriptors[0].MediaType : null),
        };
}
