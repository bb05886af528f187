namespace EcrPublish.Cli.Verbs;

/// <summary>A project's publish properties as <c>dotnet msbuild -getProperty</c> evaluates them (empty when unset), and the counts of the items that change what the publish calls.</summary>
/// <param name="Properties">Property name to evaluated value.</param>
/// <param name="RepositoryTagCount">How many <c>EcrRepositoryTag</c> items the project declares.</param>
/// <param name="ExclusionFilterCount">How many <c>EcrImageTagMutabilityExclusionFilter</c> items the project declares.</param>
internal sealed record ProjectPublishSettings(IReadOnlyDictionary<string, string> Properties, int RepositoryTagCount, int ExclusionFilterCount = 0)
{
    /// <summary>The properties that decide the repository, the account and region, and which actions the publish calls.</summary>
    public static readonly string[] PropertyNames =
    [
        "MSBuildProjectName", "EcrRepository", "ContainerRepository", "EcrRegion", "EcrRegistryId", "ContainerRegistry", "EcrPush",
        "EcrCreateRepository", "EcrEncryptionType", "EcrKmsKey", "EcrLifecyclePolicyFile", "EcrRepositoryPolicyFile", "EcrScan",
        "EcrWaitForSigning", "EcrSign", "EcrSigningKey", "ContainerBaseImage",
    ];

    /// <summary>No project: the publish's defaults.</summary>
    public static ProjectPublishSettings None { get; } = new(new Dictionary<string, string>(), 0);

    /// <summary>The item types whose counts the policy depends on, in the order of the record's counts.</summary>
    public static readonly string[] ItemTypes = ["EcrRepositoryTag", "EcrImageTagMutabilityExclusionFilter"];

    /// <summary>The value of <paramref name="name"/>, trimmed, or null when it is empty.</summary>
    public string? Value(string name) =>
        Properties.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
