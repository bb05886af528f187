using EcrPublish.Validation;

namespace EcrPublish.Publishing;

/// <summary>
/// The SDK's <c>ContainerArchiveOutputPath</c>: the file the image is written to as well as pushed. As in the SDK, a
/// path that ends with a separator or has no extension is a folder, and the file in it is <c>&lt;repository&gt;.tar.gz</c>
/// (an uncompressed tar despite the name, as the SDK's: docker-archive and OCI layout in one).
/// </summary>
internal static class ArchiveOutputPath
{
    /// <summary>The full path of the archive, or null when none is asked for or the path is refused (an error is added).</summary>
    public static string? Resolve(EcrPublishInputs inputs, string? repository, ImageBuilderKind builder, List<EcrDiagnostic> diagnostics)
    {
        if (InputParsing.Blank(inputs.ContainerArchiveOutputPath) is not { } text)
        {
            return null;
        }

        if (builder == ImageBuilderKind.Docker)
        {
            diagnostics.Add(EcrDiagnostic.Warning(InputCodes.ArchiveNeedsDaemonlessBuilder,
                $"ContainerArchiveOutputPath '{text}' is not written: the Docker builder's image stays in the engine (save it with 'docker save'). Remove ContainerArchiveOutputPath, or build without Docker."));
            return null;
        }

        try
        {
            var full = Path.GetFullPath(text, inputs.ProjectDirectory);
            var isFolder = text.EndsWith('/') || text.EndsWith(Path.DirectorySeparatorChar) || Path.GetExtension(full).Length == 0;
            return isFolder ? Path.Combine(full, $"{(repository ?? inputs.ProjectName).Replace('/', '-')}.tar.gz") : full;
        }
        catch (ArgumentException)
        {
            diagnostics.Add(EcrDiagnostic.Error(InputCodes.InvalidArchiveOutputPath,
                $"ContainerArchiveOutputPath '{text}' is not a valid path. Use a file such as bin/image.tar.gz or a folder such as bin/images/, or leave it unset."));
            return null;
        }
    }
}
