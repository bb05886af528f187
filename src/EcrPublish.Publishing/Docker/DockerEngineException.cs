namespace EcrPublish.Docker;

/// <summary>An error of the Docker engine path that a user can act on; <see cref="EcrPublishException.Code"/> is a stable ECR6xxx code.</summary>
public class DockerEngineException : EcrPublishException
{
    public DockerEngineException(string code, string message)
        : base(code, message)
    {
    }

    public DockerEngineException(string code, string message, Exception innerException)
        : base(code, message, innerException)
    {
    }
}
