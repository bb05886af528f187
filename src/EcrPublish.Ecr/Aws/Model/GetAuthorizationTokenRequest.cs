// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The input of ECR's GetAuthorizationToken operation.</summary>
public sealed class GetAuthorizationTokenRequest
{
    /// <summary>A list of Amazon Web Services account IDs that are associated with the registries for which to get AuthorizationData objects. Length/size 1..10.</summary>
    [JsonPropertyName("registryIds")]
    public IReadOnlyList<string>? RegistryIds { get; set; }
}
