// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>An object that describes an image returned by a DescribeImages operation.</summary>
public sealed class ImageDetail
{
    /// <summary>The Amazon Web Services account ID associated with the registry to which this image belongs.</summary>
    [JsonPropertyName("registryId")]
    public string? RegistryId { get; set; }

    /// <summary>The name of the repository to which this image belongs. Length/size 2..256.</summary>
    [JsonPropertyName("repositoryName")]
    public string? RepositoryName { get; set; }

    /// <summary>The sha256 digest of the image manifest.</summary>
    [JsonPropertyName("imageDigest")]
    public string? ImageDigest { get; set; }

    /// <summary>The list of tags associated with this image.</summary>
    [JsonPropertyName("imageTags")]
    public IReadOnlyList<string>? ImageTags { get; set; }

    /// <summary>The size, in bytes, of the image in the repository.</summary>
    [JsonPropertyName("imageSizeInBytes")]
    public long? ImageSizeInBytes { get; set; }

    /// <summary>The date and time, expressed in standard JavaScript date format, at which the current image was pushed to the repository.</summary>
    [JsonPropertyName("imagePushedAt")]
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? ImagePushedAt { get; set; }

    /// <summary>The current state of the scan.</summary>
    [JsonPropertyName("imageScanStatus")]
    public ImageScanStatus? ImageScanStatus { get; set; }

    /// <summary>A summary of the last completed image scan.</summary>
    [JsonPropertyName("imageScanFindingsSummary")]
    public ImageScanFindingsSummary? ImageScanFindingsSummary { get; set; }

    /// <summary>The media type of the image manifest.</summary>
    [JsonPropertyName("imageManifestMediaType")]
    public string? ImageManifestMediaType { get; set; }

    /// <summary>The artifact media type of the image.</summary>
    [JsonPropertyName("artifactMediaType")]
    public string? ArtifactMediaType { get; set; }

    /// <summary>The date and time, expressed in standard JavaScript date format, when Amazon ECR recorded the last image pull.</summary>
    [JsonPropertyName("lastRecordedPullTime")]
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? LastRecordedPullTime { get; set; }

    /// <summary>The digest of the subject manifest for images that are referrers.</summary>
    [JsonPropertyName("subjectManifestDigest")]
    public string? SubjectManifestDigest { get; set; }

    /// <summary>The current status of the image. One of: ACTIVE, ARCHIVED, ACTIVATING.</summary>
    [JsonPropertyName("imageStatus")]
    public string? ImageStatus { get; set; }

    /// <summary>The date and time, expressed in standard JavaScript date format, when the image was last transitioned to Amazon ECR archive.</summary>
    [JsonPropertyName("lastArchivedAt")]
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? LastArchivedAt { get; set; }

    /// <summary>The date and time, expressed in standard JavaScript date format, when the image was last restored from Amazon ECR archive to Amazon ECR standard.</summary>
    [JsonPropertyName("lastActivatedAt")]
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? LastActivatedAt { get; set; }
}
