using System.Collections.Concurrent;

namespace EcrPublish.Testing;

/// <summary>
/// Runs AWS CLI command lines like <see cref="ProcessRunner"/> does, but through long-lived <see cref="AwsCliServer"/>
/// processes: a child <c>aws</c> spends about a second of CPU importing botocore before it does anything, which made
/// AWS CLI start-up most of the suite's CPU. Each CLI gets a pool of servers, one per concurrent caller. Calls a server
/// cannot reproduce (<c>--debug</c>, which adds logging handlers for good; Python start-up variables), and every call
/// when a server cannot start, run as child processes.
/// </summary>
internal static class AwsCliRunner
{
    private static readonly ConcurrentDictionary<string, AwsCliServerPool> Pools = new(StringComparer.Ordinal);

    public static async Task<ProcessResult> RunAsync(
        string executable,
        IEnumerable<string> arguments,
        IDictionary<string, string?>? environment = null,
        string? standardInput = null,
        string? workingDirectory = null,
        TimeSpan? timeout = null)
    {
        var argumentList = arguments.ToList();
        var pool = Pools.GetOrAdd(executable, path => new AwsCliServerPool(path));
        var server = NeedsChildProcess(argumentList, environment) ? null : await pool.TakeAsync();
        if (server is null)
        {
            return await ProcessRunner.RunAsync(executable, argumentList, environment, standardInput, workingDirectory, timeout);
        }

        var limit = timeout ?? TimeSpan.FromMinutes(5);
        try
        {
            var result = await server.RunAsync(argumentList, environment, standardInput, workingDirectory, limit);
            pool.Return(server);
            return result;
        }
        catch (OperationCanceledException)
        {
            server.Dispose();
            throw new TimeoutException($"{executable} {string.Join(' ', argumentList)} did not finish in time");
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    // --debug adds logging handlers that would outlive the call; Python reads its own variables and the locale (the
    // encoding of stdout) once, at start-up, so a call that changes them needs a Python of its own.
    private static bool NeedsChildProcess(List<string> arguments, IDictionary<string, string?>? environment) =>
        arguments.Contains("--debug")
        || (environment?.Keys.Any(name => name.StartsWith("PYTHON", StringComparison.Ordinal) || name is "LANG" or "LC_ALL" or "LC_CTYPE") ?? false);
}
