namespace EcrPublish.EcrRules;

/// <summary>An ECR registry id: the 12-digit AWS account id that owns the registry (model pattern <c>[0-9]{12}</c>).</summary>
public static class EcrRegistryId
{
    public const string PatternText = "[0-9]{12}";

    public static bool IsValid(string? registryId) => registryId is { Length: 12 } && registryId.All(char.IsAsciiDigit);
}
