namespace EcrPublish.Testing;

/// <summary>What a finished child process printed and returned.</summary>
internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Both streams, for assertions on what the user saw and for failure messages.</summary>
    public string Output => StandardOutput + StandardError;

    public ProcessResult EnsureSuccess()
    {
        if (ExitCode != 0)
        {
            throw new InvalidOperationException($"exit code {ExitCode}\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}");
        }

        return this;
    }
}
