// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The output of ECR's DeleteRepository operation.</summary>
public sealed class DeleteRepositoryResponse
{
    /// <summary>The repository that was deleted.</summary>
    [JsonPropertyName("repository")]
    public Repository? Repository { get; set; }
}
