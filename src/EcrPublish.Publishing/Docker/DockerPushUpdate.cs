namespace EcrPublish.Docker;

/// <summary>One progress report of a push: which tag, which layer (when the report is about one), its status and bytes.</summary>
public sealed record DockerPushUpdate(string Tag, string? LayerId, string Status, long? Current, long? Total);
