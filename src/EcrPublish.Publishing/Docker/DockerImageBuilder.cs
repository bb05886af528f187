using Docker.DotNet;
using Docker.DotNet.Models;
using EcrPublish.FileSystem;

namespace EcrPublish.Docker;

/// <summary>Builds a Dockerfile through the engine: writes the build context as a tar, streams the build log, returns the image id.</summary>
public sealed class DockerImageBuilder(DockerEngineConnection engine)
{
    /// <summary>Builds <paramref name="request"/>; each log line goes to <paramref name="onLogLine"/> as it arrives.</summary>
    /// <exception cref="DockerBuildException">A step failed (the exception names it).</exception>
    /// <exception cref="DockerEngineException">The Dockerfile or context is missing, or the engine produced no image.</exception>
    public async Task<DockerBuildResult> BuildAsync(DockerBuildRequest request, Action<string>? onLogLine = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var plan = DockerBuildContextPlanner.Plan(request);

        var context = CreateContextFile();
        await using (context.ConfigureAwait(false))
        {
            await DockerBuildContextWriter.WriteAsync(plan, context, cancellationToken).ConfigureAwait(false);
            context.Position = 0;

            var progress = new DockerBuildProgress(onLogLine);
            var authConfigs = request.RegistryCredentials.Select(pair => pair.Value.ToAuthConfig(pair.Key)).ToList();
            try
            {
                await engine.Client.Images.BuildImageFromDockerfileAsync(
                    ToParameters(request, plan.DockerfileName), context, authConfigs, headers: null, progress, cancellationToken).ConfigureAwait(false);
            }
            catch (DockerApiException exception)
            {
                progress.Flush();
                throw new DockerBuildException(progress.CurrentStep, Redact(request, DockerEngineErrorMessage.From(exception.ResponseBody)));
            }

            progress.Flush();
            if (progress.ErrorMessage is { } error)
            {
                throw new DockerBuildException(progress.FailingStep, Redact(request, error));
            }

            return new DockerBuildResult(progress.ImageId ?? throw new DockerEngineException(DockerErrorCodes.BuildProducedNoImage,
                $"The engine at {engine.Endpoint.Describe()} finished the build without reporting an image id. Check the build log above and the engine's log."));
        }
    }

    /// <summary>
    /// The file the context is spooled to, so that a large publish folder is never held in memory. It holds the app's
    /// files (settings and secrets included) in the shared temporary folder, so it is owner-only, and gone when closed.
    /// </summary>
    internal static FileStream CreateContextFile() =>
        OwnerOnlyFiles.CreateTemporaryFile("ecrpublish-context-", ".tar", FileOptions.DeleteOnClose | FileOptions.Asynchronous, 81920);

    private static string Redact(DockerBuildRequest request, string message) =>
        request.RegistryCredentials.Values.Aggregate(message, (text, credentials) => credentials.Redact(text));

    internal static ImageBuildParameters ToParameters(DockerBuildRequest request, string dockerfileName) => new()
    {
        Dockerfile = dockerfileName,
        BuildArgs = request.BuildArgs.Count > 0 ? new Dictionary<string, string>(request.BuildArgs) : null,
        Labels = request.Labels.Count > 0 ? new Dictionary<string, string>(request.Labels) : null,
        Target = request.Target,
        Platform = request.Platform,
        NoCache = request.NoCache ? true : null,

        // Leave no intermediate containers behind, also when a step fails.
        Remove = true,
        ForceRemove = true,
    };
}
