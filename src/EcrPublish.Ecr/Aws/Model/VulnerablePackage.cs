// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>Information on the vulnerable package identified by a finding.</summary>
public sealed class VulnerablePackage
{
    /// <summary>The architecture of the vulnerable package.</summary>
    [JsonPropertyName("arch")]
    public string? Arch { get; set; }

    /// <summary>The epoch of the vulnerable package.</summary>
    [JsonPropertyName("epoch")]
    public int? Epoch { get; set; }

    /// <summary>The file path of the vulnerable package.</summary>
    [JsonPropertyName("filePath")]
    public string? FilePath { get; set; }

    /// <summary>The name of the vulnerable package.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The package manager of the vulnerable package.</summary>
    [JsonPropertyName("packageManager")]
    public string? PackageManager { get; set; }

    /// <summary>The release of the vulnerable package.</summary>
    [JsonPropertyName("release")]
    public string? Release { get; set; }

    /// <summary>The source layer hash of the vulnerable package.</summary>
    [JsonPropertyName("sourceLayerHash")]
    public string? SourceLayerHash { get; set; }

    /// <summary>The version of the vulnerable package.</summary>
    [JsonPropertyName("version")]
    public string? Version { get; set; }

    /// <summary>The version of the package that contains the vulnerability fix.</summary>
    [JsonPropertyName("fixedInVersion")]
    public string? FixedInVersion { get; set; }
}
