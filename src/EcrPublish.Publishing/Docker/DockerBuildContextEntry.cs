namespace EcrPublish.Docker;

/// <summary>One file, directory or symbolic link of the build context: its name in the tar and where it is on disk.</summary>
internal sealed record DockerBuildContextEntry(string Name, string SourcePath, DockerBuildContextEntryKind Kind);
