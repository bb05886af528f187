// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The image details of the Amazon ECR container image.</summary>
public sealed class AwsEcrContainerImageDetails
{
    /// <summary>The architecture of the Amazon ECR container image.</summary>
    [JsonPropertyName("architecture")]
    public string? Architecture { get; set; }

    /// <summary>The image author of the Amazon ECR container image.</summary>
    [JsonPropertyName("author")]
    public string? Author { get; set; }

    /// <summary>The image hash of the Amazon ECR container image.</summary>
    [JsonPropertyName("imageHash")]
    public string? ImageHash { get; set; }

    /// <summary>The image tags attached to the Amazon ECR container image.</summary>
    [JsonPropertyName("imageTags")]
    public IReadOnlyList<string>? ImageTags { get; set; }

    /// <summary>The platform of the Amazon ECR container image.</summary>
    [JsonPropertyName("platform")]
    public string? Platform { get; set; }

    /// <summary>The date and time the Amazon ECR container image was pushed.</summary>
    [JsonPropertyName("pushedAt")]
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? PushedAt { get; set; }

    /// <summary>The most recent date and time a cluster was running the image.</summary>
    [JsonPropertyName("lastInUseAt")]
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? LastInUseAt { get; set; }

    /// <summary>The number of Amazon ECS or Amazon EKS clusters currently running the image. Length/size 0..unbounded.</summary>
    [JsonPropertyName("inUseCount")]
    public long? InUseCount { get; set; }

    /// <summary>The registry the Amazon ECR container image belongs to.</summary>
    [JsonPropertyName("registry")]
    public string? Registry { get; set; }

    /// <summary>The name of the repository the Amazon ECR container image resides in. Length/size 2..256.</summary>
    [JsonPropertyName("repositoryName")]
    public string? RepositoryName { get; set; }
}
