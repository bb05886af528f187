namespace EcrPublish.Images;

/// <summary>A blob an image needs in the target repository, and where its bytes come from.</summary>
/// <param name="Descriptor">What the manifest says about it.</param>
/// <param name="LocalPath">The file holding it, or null when it only exists in <paramref name="Origin"/>.</param>
/// <param name="Origin">The repository it can be mounted or downloaded from (a base image layer), if any.</param>
public sealed record ImageBlob(Descriptor Descriptor, string? LocalPath, ImageReference? Origin)
{
    /// <summary>Small blobs (config) kept in memory instead of a file.</summary>
    public byte[]? Content { get; init; }
}
