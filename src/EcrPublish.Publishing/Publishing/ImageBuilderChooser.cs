using EcrPublish.Validation;

namespace EcrPublish.Publishing;

/// <summary>
/// Which builder makes the image: <c>EcrImageBuilder</c> when set; else the Docker builder when a Dockerfile is
/// named (<c>EcrDockerfile</c>, <c>ContainerDockerfile</c>); else the daemonless one. A Dockerfile that merely lies
/// next to the project chooses nothing: Visual Studio's "Add Docker support" leaves one next to countless projects,
/// the SDK's <c>PublishContainer</c> ignores it, and a stale one would fail a publish that never asked for Docker.
/// </summary>
internal static class ImageBuilderChooser
{
    /// <summary>The choice, or null when <c>EcrImageBuilder</c> is not a builder name (an error is added).</summary>
    public static ImageBuilderKind? Choose(EcrPublishInputs inputs, List<EcrDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (InputParsing.Blank(inputs.ImageBuilder) is not null)
        {
            return InputParsing.ParseEnum<ImageBuilderKind>(inputs.ImageBuilder, "EcrImageBuilder", InputCodes.InvalidImageBuilder, diagnostics);
        }

        if (InputParsing.Blank(inputs.Dockerfile) is not null)
        {
            return ImageBuilderKind.Docker;
        }

        var adjacent = Path.Combine(inputs.ProjectDirectory, "Dockerfile");
        if (File.Exists(adjacent))
        {
            diagnostics.Add(EcrDiagnostic.Note(InputCodes.UnusedDockerfile,
                $"'{adjacent}' is not used: the image is built without Docker. To build it with Docker instead, set EcrImageBuilder=Docker (or EcrDockerfile) in the project."));
        }

        return ImageBuilderKind.Daemonless;
    }
}
