// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The output of ECR's CreateRepository operation.</summary>
public sealed class CreateRepositoryResponse
{
    /// <summary>The repository that was created.</summary>
    [JsonPropertyName("repository")]
    public Repository? Repository { get; set; }
}
