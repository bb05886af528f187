namespace EcrPublish.Docker;

/// <summary>A Dockerfile build failed; carries the step that failed and the engine's message.</summary>
public sealed class DockerBuildException : DockerEngineException
{
    public DockerBuildException(string? failingStep, string engineMessage)
        : base(DockerErrorCodes.BuildFailed, Describe(failingStep, engineMessage))
    {
        FailingStep = failingStep;
        EngineMessage = engineMessage;
    }

    /// <summary>The step that failed as the engine named it (<c>Step 3/5 : RUN false</c> or BuildKit's <c>[2/3] RUN false</c>), when known.</summary>
    public string? FailingStep { get; }

    /// <summary>The engine's error message.</summary>
    public string EngineMessage { get; }

    private static string Describe(string? failingStep, string engineMessage) =>
        failingStep is null
            ? $"The Docker build failed: {engineMessage}. Fix the Dockerfile or the build context and publish again."
            : $"The Docker build failed at '{failingStep}': {engineMessage}. Fix that step of the Dockerfile (or the files it uses) and publish again.";
}
