using System.Diagnostics;
using System.Net;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Docker;

/// <summary>A Debian docker-registry on loopback that requires a user name and password (htpasswd with bcrypt), started for one test class.</summary>
public sealed class HtpasswdRegistry : IAsyncLifetime
{
    private Process? _process;

    public string Username { get; } = "pusher";

    /// <summary>A fresh random password, so that finding it anywhere can only mean it leaked.</summary>
    public string Password { get; } = $"pw-{Guid.NewGuid():N}";

    /// <summary>host:port.</summary>
    public string Address { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var directory = TestDockerEngine.NewWorkDirectory("htpasswd-registry");
        var htpasswd = Path.Combine(directory, "htpasswd");
        await File.WriteAllTextAsync(htpasswd, $"{Username}:{await BcryptAsync(Password)}\n");
        Address = $"127.0.0.1:{RunningContainer.FreePort()}";
        var config = Path.Combine(directory, "config.yml");
        await File.WriteAllTextAsync(config, $"""
            version: 0.1
            log:
              level: warn
            storage:
              filesystem:
                rootdirectory: {Path.Combine(directory, "data")}
            http:
              addr: {Address}
            auth:
              htpasswd:
                realm: ecrpublish-test
                path: {htpasswd}
            """);

        var start = new ProcessStartInfo("docker-registry") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add(config);
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start docker-registry");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 60; attempt++)
        {
            try
            {
                using var response = await http.GetAsync(new Uri($"http://{Address}/v2/"));
                if (response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new InvalidOperationException($"the htpasswd registry on {Address} did not come up");
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
    }

    // docker-registry reads bcrypt hashes only: python3's crypt module makes them where libxcrypt has bcrypt, else apache2-utils' htpasswd.
    private static async Task<string> BcryptAsync(string password)
    {
        var python = await ProcessRunner.RunAsync("python3",
            ["-W", "ignore", "-c", "import crypt, sys; print(crypt.crypt(sys.argv[1], crypt.mksalt(crypt.METHOD_BLOWFISH)))", password]);
        var hash = python.ExitCode == 0 ? python.StandardOutput.Trim() : string.Empty;
        if (!hash.StartsWith("$2", StringComparison.Ordinal))
        {
            var htpasswd = (await ProcessRunner.RunAsync("htpasswd", ["-nbB", "x", password])).EnsureSuccess();
            hash = htpasswd.StandardOutput.Trim()[2..];
        }

        // Go's bcrypt reads the $2a$ spelling of the same algorithm.
        return "$2a$" + hash[4..];
    }
}
