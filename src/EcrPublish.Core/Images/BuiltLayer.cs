namespace EcrPublish.Images;

/// <summary>A compressed layer ready to push: its descriptor, its uncompressed digest and where the blob is on disk.</summary>
public sealed record BuiltLayer(string Name, string DiffId, string Digest, long Size, string BlobPath)
{
    public Descriptor ToDescriptor(ImageFormat format) => new(format.LayerGzip, Digest, Size);
}
