namespace EcrPublish.Docker;

/// <summary>
/// The settings the docker CLI reads from the environment, captured once so that endpoint discovery is a
/// pure function of them (and testable without touching the process environment).
/// </summary>
public sealed record DockerEnvironment
{
    /// <summary>DOCKER_HOST.</summary>
    public string? DockerHost { get; init; }

    /// <summary>DOCKER_TLS_VERIFY: any non-empty value turns on TLS with server verification, as in the docker CLI.</summary>
    public string? DockerTlsVerify { get; init; }

    /// <summary>DOCKER_TLS: any non-empty value turns on TLS without server verification.</summary>
    public string? DockerTls { get; init; }

    /// <summary>DOCKER_CERT_PATH: where ca.pem, cert.pem and key.pem are (default: the docker config directory).</summary>
    public string? DockerCertPath { get; init; }

    /// <summary>DOCKER_CONTEXT: a context name that overrides config.json's currentContext.</summary>
    public string? DockerContext { get; init; }

    /// <summary>DOCKER_CONFIG: the docker config directory (default ~/.docker).</summary>
    public string? DockerConfig { get; init; }

    /// <summary>CONTAINER_HOST: Podman's engine (Podman's own variable, read only when Podman is asked for).</summary>
    public string? ContainerHost { get; init; }

    /// <summary>XDG_RUNTIME_DIR: where rootless Docker and Podman put their sockets.</summary>
    public string? XdgRuntimeDirectory { get; init; }

    /// <summary>ECRPUBLISH_DOCKER_ALLOW_INSECURE=true: allow a tcp:// engine on another host without TLS (the ECR password would cross the network in clear).</summary>
    public bool AllowInsecureTcp { get; init; }

    /// <summary>The user's home directory.</summary>
    public string HomeDirectory { get; init; } = string.Empty;

    /// <summary>The docker config directory: DOCKER_CONFIG, else ~/.docker.</summary>
    public string ConfigDirectory => DockerConfig ?? Path.Combine(HomeDirectory, ".docker");

    /// <summary>The opt-in for a plain-text engine connection to another host.</summary>
    public const string AllowInsecureVariable = "ECRPUBLISH_DOCKER_ALLOW_INSECURE";

    /// <summary>Reads the current process environment.</summary>
    public static DockerEnvironment FromProcess() => new()
    {
        DockerHost = Read("DOCKER_HOST"),
        DockerTlsVerify = Read("DOCKER_TLS_VERIFY"),
        DockerTls = Read("DOCKER_TLS"),
        DockerCertPath = Read("DOCKER_CERT_PATH"),
        DockerContext = Read("DOCKER_CONTEXT"),
        DockerConfig = Read("DOCKER_CONFIG"),
        ContainerHost = Read("CONTAINER_HOST"),
        XdgRuntimeDirectory = Read("XDG_RUNTIME_DIR"),
        AllowInsecureTcp = string.Equals(Read(AllowInsecureVariable), "true", StringComparison.OrdinalIgnoreCase) || Read(AllowInsecureVariable) == "1",
        HomeDirectory = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
    };

    private static string? Read(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
