// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The output of ECR's GetAuthorizationToken operation.</summary>
public sealed class GetAuthorizationTokenResponse
{
    /// <summary>A list of authorization token data objects that correspond to the registryIds values in the request.</summary>
    [JsonPropertyName("authorizationData")]
    public IReadOnlyList<AuthorizationData>? AuthorizationData { get; set; }
}
