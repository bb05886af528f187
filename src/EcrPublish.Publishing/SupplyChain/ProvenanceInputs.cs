namespace EcrPublish.SupplyChain;

/// <summary>
/// What a provenance statement says. Only these fields reach the document: parameters are named one by one, never
/// copied from the environment or the property bag, so credentials cannot slip in.
/// </summary>
public sealed record ProvenanceInputs
{
    /// <summary>The pushed image(s): the index of a multi-arch publish, or the single manifest.</summary>
    public required IReadOnlyList<ProvenanceSubject> Subjects { get; init; }

    public required string ToolVersion { get; init; }

    /// <summary>The project file, relative to the repository root where possible (e.g. <c>src/Api/Api.csproj</c>).</summary>
    public required string Project { get; init; }

    public required string Configuration { get; init; }

    public IReadOnlyList<string> RuntimeIdentifiers { get; init; } = [];

    /// <summary>The tag templates as the project writes them (e.g. <c>{version}</c>, <c>git-{sha:7}</c>), not their values.</summary>
    public IReadOnlyList<string> TagTemplates { get; init; } = [];

    /// <summary>The ECR repository name.</summary>
    public string? Repository { get; init; }

    /// <summary>The base image reference the project asks for (before resolution), or null for the default.</summary>
    public string? BaseImage { get; init; }

    /// <summary>The source repository URL; user and password are removed before writing.</summary>
    public string? RepositoryUrl { get; init; }

    public string? GitCommit { get; init; }

    public string? GitBranch { get; init; }

    /// <summary>The base images that were resolved, one per platform.</summary>
    public IReadOnlyList<ProvenanceBaseImage> BaseImages { get; init; } = [];

    /// <summary>The .NET SDK version that built the app (<c>$(NETCoreSdkVersion)</c>).</summary>
    public string? SdkVersion { get; init; }

    /// <summary>The CI run (<see cref="CiRunReader"/>); the one part that differs between otherwise identical builds.</summary>
    public CiRun? CiRun { get; init; }
}
