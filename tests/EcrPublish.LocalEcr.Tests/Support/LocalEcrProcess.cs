using System.Diagnostics;
using System.Text.RegularExpressions;

namespace EcrPublish.LocalEcr.Tests.Support;

/// <summary>LocalEcr as a separate process (the real Program.cs), so a test can kill it without warning.</summary>
internal sealed partial class LocalEcrProcess : IDisposable
{
    private readonly Process process;
    private readonly Task<string> restOfOutput;
    private readonly string startupOutput;

    private LocalEcrProcess(Process process, Uri endpoint, string startupOutput)
    {
        this.process = process;
        this.startupOutput = startupOutput;
        Endpoint = endpoint;
        restOfOutput = process.StandardOutput.ReadToEndAsync();
    }

    public Uri Endpoint { get; }

    public static async Task<LocalEcrProcess> StartAsync(string dataDirectory, params string[] extraArguments)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "EcrPublish.LocalEcr.dll");
        var startInfo = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { dll, "--port", "0", "--data", dataDirectory }.Concat(extraArguments))
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = Process.Start(startInfo)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var startup = new System.Text.StringBuilder();
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            startup.AppendLine(line);
            var match = EndpointPattern().Match(line);
            if (match.Success)
            {
                return new LocalEcrProcess(process, new Uri(match.Groups[1].Value), startup.ToString());
            }
        }

        throw new InvalidOperationException("LocalEcr did not start: " + await process.StandardError.ReadToEndAsync());
    }

    /// <summary>Stops the process and returns everything it printed.</summary>
    public async Task<string> StopAndReadOutputAsync()
    {
        Kill();
        return startupOutput + await restOfOutput + await process.StandardError.ReadToEndAsync();
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a crash.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            Kill();
        }

        process.Dispose();
    }

    [GeneratedRegex(@"registry on (http://127\.0\.0\.1:\d+/?)", RegexOptions.CultureInvariant)]
    private static partial Regex EndpointPattern();
}
