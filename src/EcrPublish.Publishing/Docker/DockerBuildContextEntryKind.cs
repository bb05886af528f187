namespace EcrPublish.Docker;

/// <summary>What a build-context entry is.</summary>
internal enum DockerBuildContextEntryKind
{
    Directory,
    File,
    SymbolicLink,
}
