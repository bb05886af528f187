// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The output of ECR's GetSigningConfiguration operation.</summary>
public sealed class GetSigningConfigurationResponse
{
    /// <summary>The Amazon Web Services account ID associated with the registry.</summary>
    [JsonPropertyName("registryId")]
    public string? RegistryId { get; set; }

    /// <summary>The registry's signing configuration.</summary>
    [JsonPropertyName("signingConfiguration")]
    public SigningConfiguration? SigningConfiguration { get; set; }
}
