using System.Text.Json.Serialization;

namespace EcrPublish.Lifecycle;

/// <summary>Which images a lifecycle rule looks at, by whether they carry tags (<c>selection.tagStatus</c>).</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<LifecycleTagStatus>))]
public enum LifecycleTagStatus
{
    /// <summary><c>tagged</c>: images with at least one tag matching every entry of the rule's prefix or pattern list.</summary>
    Tagged,

    /// <summary><c>untagged</c>: images without any tag.</summary>
    Untagged,

    /// <summary><c>any</c>: every image of the rule's storage class.</summary>
    Any,
}
