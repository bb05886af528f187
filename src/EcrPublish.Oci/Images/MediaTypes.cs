namespace EcrPublish.Images;

/// <summary>The OCI and Docker media types an image is made of.</summary>
public static class MediaTypes
{
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";
    public const string OciConfig = "application/vnd.oci.image.config.v1+json";
    public const string OciLayerGzip = "application/vnd.oci.image.layer.v1.tar+gzip";
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";
    public const string DockerConfig = "application/vnd.docker.container.image.v1+json";
    public const string DockerLayerGzip = "application/vnd.docker.image.rootfs.diff.tar.gzip";

    /// <summary>The empty JSON blob <c>{}</c>: the config of an OCI 1.1 artifact manifest that has none of its own.</summary>
    public const string OciEmpty = "application/vnd.oci.empty.v1+json";

    /// <summary>Every manifest and index type we can read, for the Accept header (a registry such as ECR converts by tag otherwise).</summary>
    public static readonly IReadOnlyList<string> AllManifestTypes = [OciManifest, OciIndex, DockerManifest, DockerManifestList];

    public static bool IsIndex(string mediaType) => mediaType is OciIndex or DockerManifestList;

    public static bool IsManifest(string mediaType) => mediaType is OciManifest or DockerManifest;
}
