using System.Text.Json.Serialization;

namespace EcrPublish.Lifecycle;

/// <summary>Source-generated (trim and AOT safe) JSON metadata for the lifecycle policy document.</summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(LifecyclePolicy))]
[JsonSerializable(typeof(LifecycleRule))]
internal sealed partial class LifecyclePolicyJsonContext : JsonSerializerContext;
