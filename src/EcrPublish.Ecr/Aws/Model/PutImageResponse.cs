// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The output of ECR's PutImage operation.</summary>
public sealed class PutImageResponse
{
    /// <summary>Details of the image uploaded.</summary>
    [JsonPropertyName("image")]
    public Image? Image { get; set; }
}
