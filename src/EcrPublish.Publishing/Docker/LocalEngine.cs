namespace EcrPublish.Docker;

/// <summary>A local container engine an image can be loaded into (<c>EcrLoadInto</c>, the SDK's <c>LocalRegistry</c>).</summary>
public enum LocalEngine
{
    /// <summary>Docker: DOCKER_HOST, the docker context, else Docker's default and rootless sockets.</summary>
    Docker,

    /// <summary>Podman's Docker-compatible API: CONTAINER_HOST, else Podman's rootless and rootful sockets.</summary>
    Podman,
}
