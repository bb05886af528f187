namespace EcrPublish.Images;

/// <summary>
/// A compressed layer ready to push: its descriptor, its uncompressed digest (diffID) and where the
/// blob is — a file in the layer cache, or (when reused from an earlier push) only in <see cref="Origin"/>.
/// </summary>
public sealed record BuiltLayer(string Name, string DiffId, string Digest, long Size, string? BlobPath)
{
    /// <summary>The repository that already holds the blob, when it was reused instead of compressed here.</summary>
    public ImageReference? Origin { get; init; }

    public Descriptor ToDescriptor(ImageFormat format) => new(format.LayerGzip, Digest, Size);
}
