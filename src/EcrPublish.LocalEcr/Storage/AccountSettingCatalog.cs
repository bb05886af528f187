namespace EcrPublish.LocalEcr.Storage;

/// <summary>
/// The account settings ECR knows (GetAccountSetting, PutAccountSetting), their allowed values and the value a registry
/// that never set one reports. Values from the API reference and user guide: basic scanning is AWS_NATIVE on new
/// registries, new registries use the V2 registry policy scope, and blob mounting is off until enabled
/// (https://docs.aws.amazon.com/AmazonECR/latest/userguide/blob-mounting.html).
/// </summary>
internal static class AccountSettingCatalog
{
    public const string BasicScanTypeVersion = "BASIC_SCAN_TYPE_VERSION";
    public const string RegistryPolicyScope = "REGISTRY_POLICY_SCOPE";
    public const string BlobMounting = "BLOB_MOUNTING";

    /// <summary>Allowed values by name; the first is the default.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> AllowedValues = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [BasicScanTypeVersion] = ["AWS_NATIVE", "CLAIR"],
        [RegistryPolicyScope] = ["V2", "V1"],
        [BlobMounting] = ["DISABLED", "ENABLED"],
    };

    /// <summary>The setting's value in <paramref name="settings"/>, or its default; <paramref name="name"/> must be known.</summary>
    public static string ValueOf(RegistrySettings settings, string name) =>
        settings.AccountSettings.TryGetValue(name, out var value) ? value : AllowedValues[name][0];

    public static bool IsBlobMountingEnabled(RegistrySettings settings) => ValueOf(settings, BlobMounting) == "ENABLED";
}
