namespace EcrPublish.Publishing.Stages;

/// <summary>A referrer now in the registry.</summary>
/// <param name="ArtifactType">Its <c>artifactType</c>.</param>
/// <param name="Digest">The digest of its manifest.</param>
/// <param name="SubjectDigest">The digest of the image it refers to.</param>
public sealed record AttachedReferrer(string ArtifactType, string Digest, string SubjectDigest)
{
    /// <summary>Where the document was also written on disk (the SBOM next to the result file), if it was.</summary>
    public string? LocalFile { get; init; }
}
