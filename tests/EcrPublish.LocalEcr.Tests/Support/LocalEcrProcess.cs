using System.Diagnostics;
using System.Text.RegularExpressions;

namespace EcrPublish.LocalEcr.Tests.Support;

/// <summary>LocalEcr as a separate process (the real Program.cs), so a test can kill it without warning.</summary>
internal sealed partial class LocalEcrProcess : IDisposable
{
    private readonly Process process;

    private LocalEcrProcess(Process process, Uri endpoint)
    {
        this.process = process;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public static async Task<LocalEcrProcess> StartAsync(string dataDirectory)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "EcrPublish.LocalEcr.dll");
        var startInfo = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { dll, "--port", "0", "--data", dataDirectory })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = Process.Start(startInfo)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            var match = EndpointPattern().Match(line);
            if (match.Success)
            {
                return new LocalEcrProcess(process, new Uri(match.Groups[1].Value));
            }
        }

        throw new InvalidOperationException("LocalEcr did not start: " + await process.StandardError.ReadToEndAsync());
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
