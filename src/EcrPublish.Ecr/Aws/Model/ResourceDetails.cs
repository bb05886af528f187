// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>Contains details about the resource involved in the finding.</summary>
public sealed class ResourceDetails
{
    /// <summary>An object that contains details about the Amazon ECR container image involved in the finding.</summary>
    [JsonPropertyName("awsEcrContainerImage")]
    public AwsEcrContainerImageDetails? AwsEcrContainerImage { get; set; }
}
