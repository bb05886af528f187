using System.Text.Json.Serialization;

namespace EcrPublish.Lifecycle;

/// <summary>One rule of a lifecycle policy. Lower <see cref="RulePriority"/> numbers win.</summary>
public sealed class LifecycleRule
{
    /// <summary>Order in which rules are applied, lowest first; unique within a policy.</summary>
    [JsonPropertyName("rulePriority")]
    public required int RulePriority { get; init; }

    /// <summary>Free text shown in the console.</summary>
    [JsonPropertyName("description")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Description { get; init; }

    /// <summary>Which images the rule looks at and which of them it acts on.</summary>
    [JsonPropertyName("selection")]
    public required LifecycleSelection Selection { get; init; }

    /// <summary>What the rule does to the images it acts on.</summary>
    [JsonPropertyName("action")]
    public required LifecycleAction Action { get; init; }
}
