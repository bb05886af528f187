// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>An object representing an Amazon ECR image.</summary>
public sealed class Image
{
    /// <summary>The Amazon Web Services account ID associated with the registry containing the image.</summary>
    [JsonPropertyName("registryId")]
    public string? RegistryId { get; set; }

    /// <summary>The name of the repository associated with the image. Length/size 2..256.</summary>
    [JsonPropertyName("repositoryName")]
    public string? RepositoryName { get; set; }

    /// <summary>An object containing the image tag and image digest associated with an image.</summary>
    [JsonPropertyName("imageId")]
    public ImageIdentifier? ImageId { get; set; }

    /// <summary>The image manifest associated with the image. Length/size 1..4194304.</summary>
    [JsonPropertyName("imageManifest")]
    public string? ImageManifest { get; set; }

    /// <summary>The manifest media type of the image.</summary>
    [JsonPropertyName("imageManifestMediaType")]
    public string? ImageManifestMediaType { get; set; }
}
