namespace EcrPublish.Images;

/// <summary>One platform image: its manifest bytes and digest, its config and every blob it references.</summary>
public sealed record BuiltImage(
    Platform Platform,
    ImageManifest Manifest,
    byte[] ManifestBytes,
    string Digest,
    byte[] ConfigBytes,
    IReadOnlyList<ImageBlob> Blobs,
    IReadOnlyList<BuiltLayer> AppLayers)
{
    public Descriptor ToDescriptor() => new(Manifest.MediaType, Digest, ManifestBytes.Length) { Platform = Platform };
}
