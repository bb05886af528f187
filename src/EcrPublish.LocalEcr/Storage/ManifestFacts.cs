namespace EcrPublish.LocalEcr.Storage;

/// <summary>What a manifest or index says about itself and what it references, as read by <see cref="ManifestReader"/>.</summary>
internal sealed record ManifestFacts(
    string MediaType,
    bool IsIndex,
    string? ConfigMediaType,
    string? ArtifactType,
    IReadOnlyList<string> BlobDigests,
    IReadOnlyList<string> ChildDigests,
    long SizeInBytes,
    string? SubjectDigest,
    Dictionary<string, string>? Annotations);
