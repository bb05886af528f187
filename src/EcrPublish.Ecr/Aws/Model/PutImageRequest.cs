// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The input of ECR's PutImage operation.</summary>
public sealed class PutImageRequest
{
    /// <summary>The Amazon Web Services account ID associated with the registry that contains the repository in which to put the image.</summary>
    [JsonPropertyName("registryId")]
    public string? RegistryId { get; set; }

    /// <summary>The name of the repository in which to put the image. Length/size 2..256.</summary>
    [JsonPropertyName("repositoryName")]
    public required string RepositoryName { get; set; }

    /// <summary>The image manifest corresponding to the image to be uploaded. Length/size 1..4194304.</summary>
    [JsonPropertyName("imageManifest")]
    public required string ImageManifest { get; set; }

    /// <summary>The media type of the image manifest.</summary>
    [JsonPropertyName("imageManifestMediaType")]
    public string? ImageManifestMediaType { get; set; }

    /// <summary>The tag to associate with the image. Length/size 1..300.</summary>
    [JsonPropertyName("imageTag")]
    public string? ImageTag { get; set; }

    /// <summary>The image digest of the image manifest corresponding to the image.</summary>
    [JsonPropertyName("imageDigest")]
    public string? ImageDigest { get; set; }
}
