using System.Text.Json.Serialization;

namespace EcrPublish.Lifecycle;

/// <summary>What a lifecycle rule does to the images it acts on (<c>action.type</c>).</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<LifecycleActionType>))]
public enum LifecycleActionType
{
    /// <summary><c>expire</c>: delete the image (wire value <c>EXPIRE</c>).</summary>
    Expire,

    /// <summary><c>transition</c>: move the image to archive storage (wire value <c>TRANSITION</c>).</summary>
    Transition,
}
