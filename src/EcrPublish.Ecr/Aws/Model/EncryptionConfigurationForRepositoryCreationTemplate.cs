// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The encryption configuration to associate with the repository creation template.</summary>
public sealed class EncryptionConfigurationForRepositoryCreationTemplate
{
    /// <summary>The encryption type to use. One of: AES256, KMS, KMS_DSSE.</summary>
    [JsonPropertyName("encryptionType")]
    public string? EncryptionType { get; set; }

    /// <summary>If you use the KMS encryption type, specify the KMS key to use for encryption. Length/size 0..2048.</summary>
    [JsonPropertyName("kmsKey")]
    public string? KmsKey { get; set; }
}
