namespace EcrPublish.Tasks.Tests.Targets;

/// <summary>
/// The in-process builds share MSBuild's one BuildManager and the process environment, so their classes run one
/// after another.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MSBuildTestGroup
{
    public const string Name = "In-process MSBuild";
}
