namespace EcrPublish.Docker;

/// <summary>What to build through the engine: the Dockerfile, its build context and the build options.</summary>
public sealed record DockerBuildRequest
{
    /// <summary>The Dockerfile to build.</summary>
    public required string DockerfilePath { get; init; }

    /// <summary>
    /// The publish output folder. Unless <see cref="ContextDirectory"/> is set, the build context is this folder plus the
    /// Dockerfile (small and fast: the Dockerfile COPYies the published app).
    /// </summary>
    public string? PublishDirectory { get; init; }

    /// <summary>A directory to use as the whole build context instead of the publish output (e.g. the project directory).</summary>
    public string? ContextDirectory { get; init; }

    /// <summary>--build-arg values (the pipeline passes VERSION and GIT_SHA).</summary>
    public IReadOnlyDictionary<string, string> BuildArgs { get; init; } = new Dictionary<string, string>();

    /// <summary>Labels added to the image (the same OCI labels as the daemonless path).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>The stage of a multi-stage Dockerfile to build (--target); null builds the last stage.</summary>
    public string? Target { get; init; }

    /// <summary>The platform to build for, e.g. linux/amd64; null lets the engine choose.</summary>
    public string? Platform { get; init; }

    /// <summary>
    /// Credentials for the registries the FROM images come from (registry host → credentials), e.g. a base image in ECR.
    /// They reach the engine as the X-Registry-Config header of the build request only.
    /// </summary>
    public IReadOnlyDictionary<string, DockerRegistryCredentials> RegistryCredentials { get; init; } = new Dictionary<string, DockerRegistryCredentials>();

    /// <summary>Build without the engine's layer cache (--no-cache).</summary>
    public bool NoCache { get; init; }
}
