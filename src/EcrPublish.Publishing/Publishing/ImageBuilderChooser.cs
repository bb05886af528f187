using EcrPublish.Validation;

namespace EcrPublish.Publishing;

/// <summary>
/// Which builder makes the image: <c>EcrImageBuilder</c> when set; else the Docker builder when a Dockerfile is
/// named (<c>EcrDockerfile</c>, <c>ContainerDockerfile</c>) or lies next to the project; else the daemonless one.
/// </summary>
internal static class ImageBuilderChooser
{
    /// <summary>The choice, or null when <c>EcrImageBuilder</c> is not a builder name (an error is added).</summary>
    public static ImageBuilderChoice? Choose(EcrPublishInputs inputs, List<EcrDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (InputParsing.Blank(inputs.ImageBuilder) is not null)
        {
            var asked = InputParsing.ParseEnum<ImageBuilderKind>(inputs.ImageBuilder, "EcrImageBuilder", InputCodes.InvalidImageBuilder, diagnostics);
            return asked is { } kind ? new ImageBuilderChoice(kind, ChosenByDockerfileNextToProject: false) : null;
        }

        if (InputParsing.Blank(inputs.Dockerfile) is not null)
        {
            return new ImageBuilderChoice(ImageBuilderKind.Docker, ChosenByDockerfileNextToProject: false);
        }

        // A Dockerfile next to the project means the team builds with it, unless the project also sets what only
        // the daemonless builder honours (a Dockerfile decides user, ports, entrypoint...; the Docker builder makes
        // one platform): then the Dockerfile is some other tool's, and the settings show which builder is meant.
        return File.Exists(Path.Combine(inputs.ProjectDirectory, "Dockerfile")) && !SetsDaemonlessOnlySettings(inputs)
            ? new ImageBuilderChoice(ImageBuilderKind.Docker, ChosenByDockerfileNextToProject: true)
            : new ImageBuilderChoice(ImageBuilderKind.Daemonless, ChosenByDockerfileNextToProject: false);
    }

    private static bool SetsDaemonlessOnlySettings(EcrPublishInputs inputs)
    {
        var container = inputs.Container;
        return inputs.PlatformPublishes.Count > 0
            || container.RuntimeIdentifiers.Count > 1
            || InputParsing.Blank(container.Family) is not null
            || InputParsing.Blank(container.WorkingDirectory) is not null
            || InputParsing.Blank(container.User) is not null
            || InputParsing.Blank(inputs.ContainerImageFormat) is not null
            || InputParsing.Blank(inputs.ContainerAppCommandInstruction) is not null
            || inputs.ContainerPorts.Count > 0
            || inputs.ContainerEnvironmentVariables.Count > 0
            || container.AppCommand.Count > 0
            || container.AppCommandArgs.Count > 0
            || container.Entrypoint.Count > 0
            || container.EntrypointArgs.Count > 0
            || container.DefaultArgs.Count > 0;
    }
}
