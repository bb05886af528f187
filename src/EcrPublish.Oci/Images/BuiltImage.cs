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
    /// <summary>The base image it was built on (its reference, manifest digest, config and layers); null when not recorded.</summary>
    public BaseImage? Base { get; init; }

    public Descriptor ToDescriptor() => new(Manifest.MediaType, Digest, ManifestBytes.Length) { Platform = Platform };
}
