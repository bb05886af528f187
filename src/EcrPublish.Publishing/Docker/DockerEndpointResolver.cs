namespace EcrPublish.Docker;

/// <summary>
/// Lists the endpoints to try, with the docker CLI's precedence: DOCKER_HOST, else DOCKER_CONTEXT or config.json's
/// current context, else the well-known sockets (Docker's default socket, rootless Docker, Podman rootless and rootful).
/// An explicit choice (DOCKER_HOST or a context) is the only candidate, so a typo is reported rather than silently bypassed.
/// </summary>
public sealed class DockerEndpointResolver(DockerEnvironment environment)
{
    /// <summary>Docker's default socket on Linux and macOS.</summary>
    public const string DefaultSocket = "/var/run/docker.sock";

    /// <summary>Podman's rootful Docker-compatible socket.</summary>
    public const string PodmanRootfulSocket = "/run/podman/podman.sock";

    /// <summary>The endpoints to try, in order.</summary>
    public IReadOnlyList<DockerEndpoint> ResolveCandidates()
    {
        if (environment.DockerHost is { } host)
        {
            var uri = DockerHostParser.Parse(host, "DOCKER_HOST");
            return [RefuseCleartext(new DockerEndpoint(uri, "DOCKER_HOST", TlsFromEnvironment(uri)))];
        }

        var contexts = new DockerContextStore(environment.ConfigDirectory);
        var contextName = environment.DockerContext ?? contexts.ReadCurrentContextName();
        if (contextName is not null && contextName != DockerContextStore.DefaultContextName)
        {
            return [RefuseCleartext(contexts.ReadEndpoint(contextName))];
        }

        if (OperatingSystem.IsWindows())
        {
            return [new DockerEndpoint(new Uri("npipe://./pipe/docker_engine"), "default named pipe")];
        }

        return [.. DockerSockets(), .. PodmanSockets()];
    }

    /// <summary>
    /// The endpoints of one engine: for Docker, the candidates above without Podman's sockets; for Podman,
    /// CONTAINER_HOST, else Podman's rootless socket, else its rootful one.
    /// </summary>
    public IReadOnlyList<DockerEndpoint> ResolveCandidates(LocalEngine engine)
    {
        if (engine == LocalEngine.Docker)
        {
            return [.. ResolveCandidates().Except(PodmanSockets())];
        }

        if (environment.ContainerHost is { } host)
        {
            var uri = DockerHostParser.Parse(host, "CONTAINER_HOST");
            return [RefuseCleartext(new DockerEndpoint(uri, "CONTAINER_HOST"))];
        }

        return PodmanSockets();
    }

    private List<DockerEndpoint> DockerSockets()
    {
        var candidates = new List<DockerEndpoint> { Socket(DefaultSocket, "default socket") };
        if (environment.XdgRuntimeDirectory is { } runtimeDirectory)
        {
            candidates.Add(Socket(Path.Combine(runtimeDirectory, "docker.sock"), "rootless Docker socket"));
        }

        return candidates;
    }

    private List<DockerEndpoint> PodmanSockets()
    {
        var candidates = new List<DockerEndpoint>();
        if (environment.XdgRuntimeDirectory is { } runtimeDirectory)
        {
            candidates.Add(Socket(Path.Combine(runtimeDirectory, "podman", "podman.sock"), "Podman socket"));
        }

        candidates.Add(Socket(PodmanRootfulSocket, "Podman rootful socket"));
        return candidates;
    }

    // The engine receives the ECR password (X-Registry-Auth) with every push: over plain tcp to another host
    // anyone on the path reads it.
    private DockerEndpoint RefuseCleartext(DockerEndpoint endpoint)
    {
        if (endpoint.Tls is null && endpoint.Uri.Scheme is "tcp" or "http" && !endpoint.Uri.IsLoopback && !environment.AllowInsecureTcp)
        {
            throw new DockerEngineException(DockerErrorCodes.CleartextEngine,
                $"The Docker engine {endpoint.Describe()} is reached over plain tcp, so the ECR password sent with the push would cross the network in clear. "
                + $"Turn on TLS (DOCKER_TLS_VERIFY=1 with DOCKER_CERT_PATH, or a context with TLS), use a unix socket (forward a remote one with ssh -L), or set {DockerEnvironment.AllowInsecureVariable}=true to accept the risk.");
        }

        return endpoint;
    }

    private static DockerEndpoint Socket(string path, string source) => new(new Uri("unix://" + path), source);

    private DockerTlsSettings? TlsFromEnvironment(Uri uri)
    {
        var verify = environment.DockerTlsVerify is not null;
        var tls = verify || environment.DockerTls is not null || uri.Scheme == "https";
        if (!tls || uri.Scheme is "unix" or "npipe")
        {
            return null;
        }

        return new DockerTlsSettings(environment.DockerCertPath ?? environment.ConfigDirectory, verify);
    }
}
