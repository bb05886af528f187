using System.Text.Json.Serialization;

namespace EcrPublish.Lifecycle;

/// <summary>ECR image storage class (<c>selection.storageClass</c>, <c>action.targetStorageClass</c>).</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<LifecycleStorageClass>))]
public enum LifecycleStorageClass
{
    /// <summary><c>standard</c> (wire value <c>STANDARD</c>): the default, pullable storage.</summary>
    Standard,

    /// <summary><c>archive</c> (wire value <c>ARCHIVE</c>): archived images, not pullable until restored.</summary>
    Archive,
}
