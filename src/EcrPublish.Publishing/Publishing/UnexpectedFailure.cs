using EcrPublish.Validation;

namespace EcrPublish.Publishing;

/// <summary>
/// Turns an exception no step turned into a coded one into a coded error that names the cause, so the
/// MSBuild task never ends in MSB4018 and a stack trace.
/// </summary>
public static class UnexpectedFailure
{
    public static EcrDiagnostic Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception is IOException or UnauthorizedAccessException
            ? EcrDiagnostic.Error(PublishErrorCodes.FileSystemFailure,
                $"A file or folder could not be read or written: {exception.Message} Check that the path exists, that the build may read and write it, and that no other process holds it.")
            : EcrDiagnostic.Error(PublishErrorCodes.UnexpectedFailure,
                $"EcrPublish failed unexpectedly ({exception.GetType().Name}): {exception.Message} Please report this with the build log (-v:d).");
    }
}
