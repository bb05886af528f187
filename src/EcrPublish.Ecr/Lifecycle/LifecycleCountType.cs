using System.Text.Json.Serialization;

namespace EcrPublish.Lifecycle;

/// <summary>How a lifecycle rule decides which of its selected images to act on (<c>selection.countType</c>).</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<LifecycleCountType>))]
public enum LifecycleCountType
{
    /// <summary><c>imageCountMoreThan</c>: keep the <c>countNumber</c> youngest images, act on the rest.</summary>
    ImageCountMoreThan,

    /// <summary><c>sinceImagePushed</c>: act on images pushed more than <c>countNumber</c> days ago.</summary>
    SinceImagePushed,

    /// <summary><c>sinceImagePulled</c>: act on images last pulled (or pushed, if never pulled) more than <c>countNumber</c> days ago; transition only.</summary>
    SinceImagePulled,

    /// <summary><c>sinceImageTransitioned</c>: act on archived images archived more than <c>countNumber</c> days ago; expire only.</summary>
    SinceImageTransitioned,
}
