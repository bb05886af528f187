// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The image scanning configuration for a repository.</summary>
public sealed class ImageScanningConfiguration
{
    /// <summary>The setting that determines whether images are scanned after being pushed to a repository.</summary>
    [JsonPropertyName("scanOnPush")]
    public bool? ScanOnPush { get; set; }
}
