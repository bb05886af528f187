// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>An object representing authorization data for an Amazon ECR registry.</summary>
public sealed class AuthorizationData
{
    /// <summary>A base64-encoded string that contains authorization data for the specified Amazon ECR registry.</summary>
    [JsonPropertyName("authorizationToken")]
    public string? AuthorizationToken { get; set; }

    /// <summary>The Unix time in seconds and milliseconds when the authorization token expires.</summary>
    [JsonPropertyName("expiresAt")]
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>The registry URL to use for this authorization token in a docker login command.</summary>
    [JsonPropertyName("proxyEndpoint")]
    public string? ProxyEndpoint { get; set; }
}
