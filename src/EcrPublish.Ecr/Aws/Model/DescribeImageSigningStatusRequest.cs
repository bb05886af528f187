// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The input of ECR's DescribeImageSigningStatus operation.</summary>
public sealed class DescribeImageSigningStatusRequest
{
    /// <summary>The name of the repository that contains the image. Length/size 2..256.</summary>
    [JsonPropertyName("repositoryName")]
    public required string RepositoryName { get; set; }

    /// <summary>An object containing identifying information for an image.</summary>
    [JsonPropertyName("imageId")]
    public required ImageIdentifier ImageId { get; set; }

    /// <summary>The Amazon Web Services account ID associated with the registry that contains the repository.</summary>
    [JsonPropertyName("registryId")]
    public string? RegistryId { get; set; }
}
