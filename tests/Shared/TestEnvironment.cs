namespace EcrPublish.Testing;

/// <summary>
/// The endpoints and tools that <c>build/test.sh</c> starts and exports. Every value comes from an
/// environment variable; a missing one fails the test with a message that says how to get it.
/// </summary>
internal static class TestEnvironment
{
    /// <summary>host:port of Debian's docker-registry (plain http on loopback).</summary>
    public static string Registry => Require("ECRPUB_REGISTRY");

    /// <summary>Base URL of the moto server, e.g. http://127.0.0.1:5000.</summary>
    public static string MotoUrl => Require("ECRPUB_MOTO_URL");

    /// <summary>DOCKER_HOST value of the test Docker engine, e.g. unix:///tmp/x/docker.sock.</summary>
    public static string DockerHost => Require("ECRPUB_DOCKER_HOST");

    /// <summary>DOCKER_HOST value of the test Podman service's Docker-compatible API, e.g. unix:///tmp/x/podman.sock.</summary>
    public static string PodmanHost => Require("ECRPUB_PODMAN_HOST");

    /// <summary>Path of Debian's AWS CLI v2 executable.</summary>
    public static string AwsCliV2 => Require("ECRPUB_AWS_V2");

    /// <summary>Path of the pip-installed AWS CLI v1 executable.</summary>
    public static string AwsCliV1 => Require("ECRPUB_AWS_V1");

    /// <summary>Base image in the test registry that runs framework-dependent ASP.NET Core apps, e.g. 127.0.0.1:5001/dotnet/aspnet:10.0.</summary>
    public static string AspNetBaseImage => Require("ECRPUB_BASE_ASPNET");

    /// <summary>Multi-arch (linux/amd64 runnable, linux/arm64 files only) base for self-contained apps, e.g. 127.0.0.1:5001/dotnet/runtime-deps:10.0.</summary>
    public static string RuntimeDepsBaseImage => Require("ECRPUB_BASE_RUNTIME_DEPS");

    /// <summary>Path of the skopeo executable.</summary>
    public static string Skopeo => Optional("ECRPUB_SKOPEO") ?? "skopeo";

    /// <summary>Path of the docker CLI executable.</summary>
    public static string Docker => Optional("ECRPUB_DOCKER") ?? "docker";

    /// <summary>A scratch directory owned by this test run, removed by build/test.sh.</summary>
    public static string WorkDirectory => Optional("ECRPUB_WORK") ?? Path.GetTempPath();

    public static string? Optional(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;

    public static string Require(string name) =>
        Optional(name) ?? throw new InvalidOperationException(
            $"{name} is not set. Run the tests through build/test.sh, which starts the registry, moto, the Docker engine and Podman and exports their endpoints.");
}
