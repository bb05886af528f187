namespace EcrPublish.Validation;

/// <summary>An ECR registry id is the 12-digit AWS account id that owns the registry.</summary>
public static class RegistryIdRules
{
    public static bool IsValid(string registryId) => registryId.Length == 12 && registryId.All(char.IsAsciiDigit);
}
