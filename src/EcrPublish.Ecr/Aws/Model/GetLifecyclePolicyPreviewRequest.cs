// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The input of ECR's GetLifecyclePolicyPreview operation.</summary>
public sealed class GetLifecyclePolicyPreviewRequest
{
    /// <summary>The Amazon Web Services account ID associated with the registry that contains the repository.</summary>
    [JsonPropertyName("registryId")]
    public string? RegistryId { get; set; }

    /// <summary>The name of the repository. Length/size 2..256.</summary>
    [JsonPropertyName("repositoryName")]
    public required string RepositoryName { get; set; }

    /// <summary>The list of imageIDs to be included. Length/size 1..100.</summary>
    [JsonPropertyName("imageIds")]
    public IReadOnlyList<ImageIdentifier>? ImageIds { get; set; }

    /// <summary>The nextToken value returned from a previous paginated GetLifecyclePolicyPreviewRequest request where maxResults was used and the results exceeded the value of that parameter.</summary>
    [JsonPropertyName("nextToken")]
    public string? NextToken { get; set; }

    /// <summary>The maximum number of repository results returned by GetLifecyclePolicyPreviewRequest in paginated output. Length/size 1..100.</summary>
    [JsonPropertyName("maxResults")]
    public int? MaxResults { get; set; }

    /// <summary>An optional parameter that filters results based on image tag status and all tags, if tagged.</summary>
    [JsonPropertyName("filter")]
    public LifecyclePolicyPreviewFilter? Filter { get; set; }
}
