// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The input of ECR's BatchGetImage operation.</summary>
public sealed class BatchGetImageRequest
{
    /// <summary>The Amazon Web Services account ID associated with the registry that contains the images to describe.</summary>
    [JsonPropertyName("registryId")]
    public string? RegistryId { get; set; }

    /// <summary>The repository that contains the images to describe. Length/size 2..256.</summary>
    [JsonPropertyName("repositoryName")]
    public required string RepositoryName { get; set; }

    /// <summary>A list of image ID references that correspond to images to describe. Length/size 1..100.</summary>
    [JsonPropertyName("imageIds")]
    public required IReadOnlyList<ImageIdentifier> ImageIds { get; set; }

    /// <summary>The accepted media types for the request. Length/size 1..100.</summary>
    [JsonPropertyName("acceptedMediaTypes")]
    public IReadOnlyList<string>? AcceptedMediaTypes { get; set; }
}
