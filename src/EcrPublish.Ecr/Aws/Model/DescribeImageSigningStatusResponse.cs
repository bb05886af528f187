// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The output of ECR's DescribeImageSigningStatus operation.</summary>
public sealed class DescribeImageSigningStatusResponse
{
    /// <summary>The name of the repository. Length/size 2..256.</summary>
    [JsonPropertyName("repositoryName")]
    public string? RepositoryName { get; set; }

    /// <summary>An object with identifying information for the image.</summary>
    [JsonPropertyName("imageId")]
    public ImageIdentifier? ImageId { get; set; }

    /// <summary>The Amazon Web Services account ID associated with the registry.</summary>
    [JsonPropertyName("registryId")]
    public string? RegistryId { get; set; }

    /// <summary>A list of signing statuses for the specified image.</summary>
    [JsonPropertyName("signingStatuses")]
    public IReadOnlyList<ImageSigningStatus>? SigningStatuses { get; set; }
}
