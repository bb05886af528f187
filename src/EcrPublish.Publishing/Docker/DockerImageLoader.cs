using System.IO.Pipes;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace EcrPublish.Docker;

/// <summary>
/// Loads an image archive into an engine through its load API (<c>POST /images/load</c>, what <c>docker load</c>
/// calls), streaming the archive as it is written: no file of the whole image is made.
/// </summary>
public sealed class DockerImageLoader(DockerEngineConnection engine)
{
    /// <summary>Loads the tar <paramref name="writeArchive"/> writes; a failure of the writer surfaces unchanged.</summary>
    public async Task<DockerLoadResult> LoadAsync(Func<Stream, CancellationToken, Task> writeArchive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writeArchive);
        var progress = new DockerLoadProgress();
        string? refused = null;
        var writer = new AnonymousPipeServerStream(PipeDirection.Out);
        // Taking the client handle leaves it open when the writer closes its end, so the engine reads to the end.
        var reader = new AnonymousPipeClientStream(PipeDirection.In, writer.ClientSafePipeHandle);
        var writing = WriteThenCloseAsync(writer, writeArchive, cancellationToken);
        try
        {
            await engine.Client.Images.LoadImageAsync(new ImageLoadParameters(), reader, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException exception)
        {
            refused = DockerEngineErrorMessage.From(exception.ResponseBody);
        }
        finally
        {
            // An engine that stopped reading early leaves the writer blocked on a full pipe: closing our end wakes it.
            await reader.DisposeAsync().ConfigureAwait(false);
        }

        try
        {
            await writing.ConfigureAwait(false);
        }
        catch (IOException) when (refused is not null || progress.ErrorMessage is not null)
        {
            // The engine refused the archive and closed the pipe: its reason is the one to report.
        }

        return new DockerLoadResult(progress.Loaded, refused ?? progress.ErrorMessage);
    }

    private static async Task WriteThenCloseAsync(AnonymousPipeServerStream writer, Func<Stream, CancellationToken, Task> writeArchive, CancellationToken cancellationToken)
    {
        await using (writer.ConfigureAwait(false))
        {
            // Off the caller's thread: pipe writes block until the engine reads.
            await Task.Run(() => writeArchive(writer, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
    }
}
