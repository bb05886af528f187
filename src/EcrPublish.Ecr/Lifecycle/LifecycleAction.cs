using System.Text.Json.Serialization;

namespace EcrPublish.Lifecycle;

/// <summary>The <c>action</c> of a lifecycle rule.</summary>
public sealed class LifecycleAction
{
    /// <summary>Expire (delete) or transition (archive).</summary>
    [JsonPropertyName("type")]
    public required LifecycleActionType Type { get; init; }

    /// <summary>Where a <c>transition</c> moves images; ECR only supports <c>archive</c>.</summary>
    [JsonPropertyName("targetStorageClass")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LifecycleStorageClass? TargetStorageClass { get; init; }
}
