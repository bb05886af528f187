namespace EcrPublish.Docker;

/// <summary>The entries of a build context, sorted, and the name under which the Dockerfile travels in it.</summary>
internal sealed record DockerBuildContextPlan(IReadOnlyList<DockerBuildContextEntry> Entries, string DockerfileName);
