// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The total count of images transitioning to a storage class.</summary>
public sealed class TransitioningImageTotalCount
{
    /// <summary>The target storage class. One of: ARCHIVE.</summary>
    [JsonPropertyName("targetStorageClass")]
    public string? TargetStorageClass { get; set; }

    /// <summary>The total number of images transitioning to the storage class. Length/size 0..unbounded.</summary>
    [JsonPropertyName("imageTotalCount")]
    public int? ImageTotalCount { get; set; }
}
