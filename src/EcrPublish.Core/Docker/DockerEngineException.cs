namespace EcrPublish.Docker;

/// <summary>An error of the Docker engine path that a user can act on; <see cref="Code"/> is a stable ECR6xxx code.</summary>
public class DockerEngineException : Exception
{
    public DockerEngineException(string code, string message)
        : base($"{code}: {message}")
    {
        Code = code;
    }

    public DockerEngineException(string code, string message, Exception innerException)
        : base($"{code}: {message}", innerException)
    {
        Code = code;
    }

    /// <summary>The stable error code, e.g. ECR6001.</summary>
    public string Code { get; }
}
