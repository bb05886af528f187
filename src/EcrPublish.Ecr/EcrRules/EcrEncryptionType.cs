namespace EcrPublish.EcrRules;

/// <summary>The values of ECR's <c>encryptionType</c> (model enum <c>EncryptionType</c>); AES256 is ECR's default and takes no KMS key.</summary>
public static class EcrEncryptionType
{
    public const string Aes256 = "AES256";
    public const string Kms = "KMS";
    public const string KmsDsse = "KMS_DSSE";

    public static IReadOnlyList<string> All { get; } = [Aes256, Kms, KmsDsse];

    public static bool IsValid(string? value) => value is not null && All.Contains(value, StringComparer.Ordinal);

    public static bool TakesKmsKey(string? value) => value is Kms or KmsDsse;
}
