namespace EcrPublish.IntegrationTests.Docker;

/// <summary>The engines build/env/start.sh runs: Debian's dockerd, and Podman's Docker-compatible service.</summary>
public enum TestEngineKind
{
    Dockerd,
    Podman,
}
