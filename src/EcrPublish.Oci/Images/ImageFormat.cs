namespace EcrPublish.Images;

/// <summary>
/// The family of media types an image uses. An image follows its base image and never mixes families
/// (some registries reject manifests that do).
/// </summary>
public sealed record ImageFormat(string Manifest, string Index, string Config, string LayerGzip)
{
    public static readonly ImageFormat Oci = new(MediaTypes.OciManifest, MediaTypes.OciIndex, MediaTypes.OciConfig, MediaTypes.OciLayerGzip);

    public static readonly ImageFormat Docker = new(MediaTypes.DockerManifest, MediaTypes.DockerManifestList, MediaTypes.DockerConfig, MediaTypes.DockerLayerGzip);

    /// <summary>The format of a manifest or index media type.</summary>
    public static ImageFormat Of(string manifestMediaType) =>
        manifestMediaType is MediaTypes.DockerManifest or MediaTypes.DockerManifestList ? Docker : Oci;
}
