// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>This data type is used in the ImageScanFinding data type.</summary>
public sealed class FindingAttributeEntry
{
    /// <summary>The attribute key. Length/size 1..128.</summary>
    [JsonPropertyName("key")]
    public string? Key { get; set; }

    /// <summary>The value assigned to the attribute key. Length/size 1..256.</summary>
    [JsonPropertyName("value")]
    public string? Value { get; set; }
}
