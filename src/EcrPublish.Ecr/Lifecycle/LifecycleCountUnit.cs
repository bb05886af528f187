using System.Text.Json.Serialization;

namespace EcrPublish.Lifecycle;

/// <summary>The unit of a time-based lifecycle rule (<c>selection.countUnit</c>); ECR only knows days.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<LifecycleCountUnit>))]
public enum LifecycleCountUnit
{
    /// <summary><c>days</c>.</summary>
    Days,
}
