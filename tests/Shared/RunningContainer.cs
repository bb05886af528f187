using System.Net.Sockets;

namespace EcrPublish.Testing;

/// <summary>
/// A web app image running in the test Docker engine on a free loopback port (host network), removed on
/// dispose. The image is pulled from its registry by the engine, as a user's deployment would.
/// </summary>
internal sealed class RunningContainer : IAsyncDisposable
{
    private readonly string _id;
    private readonly string _engineHost;

    private RunningContainer(string id, int port, string engineHost)
    {
        _id = id;
        Port = port;
        _engineHost = engineHost;
    }

    public int Port { get; }

    /// <summary>Runs <paramref name="image"/> in the engine at <paramref name="engineHost"/> (the test Docker engine when null).</summary>
    public static async Task<RunningContainer> StartWebAppAsync(string image, string? engineHost = null)
    {
        var port = FreePort();
        var host = engineHost ?? TestEnvironment.DockerHost;
        // Podman as root raises a container's open-file and process limits past what the test service itself holds,
        // and runc then fails with EPERM: ask for limits below them (root is exempt from the process count anyway).
        string[] limits = host == TestEnvironment.DockerHost ? [] : ["--ulimit", "nofile=4096:4096", "--ulimit", "nproc=4096:4096"];
        var run = (await ProcessRunner.RunAsync(TestEnvironment.Docker,
            ["-H", host, "run", "-d", "--network=host", .. limits, "-e", $"ASPNETCORE_HTTP_PORTS={port}", image])).EnsureSuccess();
        return new RunningContainer(run.StandardOutput.Trim(), port, host);
    }

    /// <summary>
    /// GETs a path, waiting (up to 60 tries, 500 ms apart) until the app listens; fails with the container's log when
    /// it never answers. Every test that runs a web image asks through here.
    /// </summary>
    public async Task<string> GetAsync(string path)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 60; attempt++)
        {
            try
            {
                return await http.GetStringAsync(new Uri($"http://127.0.0.1:{Port}{path}"));
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet (refused), or accepted but not answering within the attempt's timeout.
                await Task.Delay(500);
            }
        }

        var logs = await ProcessRunner.RunAsync(TestEnvironment.Docker, ["-H", _engineHost, "logs", _id]);
        throw new TimeoutException($"the container never answered on port {Port}; its log:\n{logs.StandardOutput}{logs.StandardError}");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync() =>
        await ProcessRunner.RunAsync(TestEnvironment.Docker, ["-H", _engineHost, "rm", "-f", _id]);
}
