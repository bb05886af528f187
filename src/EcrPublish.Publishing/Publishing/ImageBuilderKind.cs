namespace EcrPublish.Publishing;

/// <summary>How the image is built (<c>EcrImageBuilder</c>).</summary>
public enum ImageBuilderKind
{
    /// <summary>Layers are written from the publish output without any container engine (the default).</summary>
    Daemonless,

    /// <summary>The project's Dockerfile is built by a Docker engine.</summary>
    Docker,
}
