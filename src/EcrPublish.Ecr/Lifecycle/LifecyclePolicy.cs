using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcrPublish.Lifecycle;

/// <summary>
/// An ECR lifecycle policy document (<c>{"rules":[...]}</c>) together with the exact text it was read from,
/// because ECR stores and returns the text as given.
/// </summary>
public sealed class LifecyclePolicy
{
    /// <summary>The rules in document order (not sorted by priority).</summary>
    [JsonPropertyName("rules")]
    public required IReadOnlyList<LifecycleRule> Rules { get; init; }

    /// <summary>The original policy text; empty when the policy was built in code.</summary>
    [JsonIgnore]
    public string Text { get; init; } = string.Empty;

    /// <summary>
    /// Reads a policy text. Reading is tolerant (enum values in any casing, members in any order); it does not check
    /// ECR's rules, see <see cref="LifecyclePolicyValidator.Validate"/> for that.
    /// </summary>
    /// <exception cref="LifecyclePolicyFormatException">The text is not JSON or lacks a required member.</exception>
    public static LifecyclePolicy Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        LifecyclePolicy? policy;
        try
        {
            policy = JsonSerializer.Deserialize(text, LifecyclePolicyJsonContext.Default.LifecyclePolicy);
        }
        catch (JsonException exception)
        {
            throw new LifecyclePolicyFormatException(
                $"{LifecyclePolicyErrorCodes.NotAPolicy}: the lifecycle policy cannot be read: {exception.Message} Validate the policy to list every problem.",
                exception);
        }

        // System.Text.Json on net8.0 lets an explicit JSON null through for non-nullable members.
        if (policy?.Rules is null || policy.Rules.Any(HasNullParts))
        {
            throw new LifecyclePolicyFormatException(
                $"{LifecyclePolicyErrorCodes.NotAPolicy}: the lifecycle policy has a null where a rule, selection, action or tag is required; write {{\"rules\":[{{\"rulePriority\":1,\"selection\":{{...}},\"action\":{{...}}}}]}}.");
        }

        return new LifecyclePolicy { Rules = policy.Rules, Text = text };
    }

    private static bool HasNullParts(LifecycleRule? rule) =>
        rule?.Selection is null
        || rule.Action is null
        || rule.Selection.TagPrefixList?.Any(prefix => prefix is null) == true
        || rule.Selection.TagPatternList?.Any(pattern => pattern is null) == true;

    /// <summary>Writes the policy as compact JSON in ECR's spelling.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, LifecyclePolicyJsonContext.Default.LifecyclePolicy);
}
