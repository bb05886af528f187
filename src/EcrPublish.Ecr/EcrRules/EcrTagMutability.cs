namespace EcrPublish.EcrRules;

/// <summary>The values of ECR's <c>imageTagMutability</c> (model enum <c>ImageTagMutability</c>, in the model's order).</summary>
public static class EcrTagMutability
{
    public const string Mutable = "MUTABLE";
    public const string Immutable = "IMMUTABLE";
    public const string ImmutableWithExclusion = "IMMUTABLE_WITH_EXCLUSION";
    public const string MutableWithExclusion = "MUTABLE_WITH_EXCLUSION";

    public static IReadOnlyList<string> All { get; } = [Mutable, Immutable, ImmutableWithExclusion, MutableWithExclusion];

    public static bool IsValid(string? value) => value is not null && All.Contains(value, StringComparer.Ordinal);

    /// <summary>The two values that take <c>imageTagMutabilityExclusionFilters</c>.</summary>
    public static bool TakesExclusionFilters(string? value) => value is ImmutableWithExclusion or MutableWithExclusion;
}
