using System.Collections.Concurrent;
using System.ComponentModel;

namespace EcrPublish.Testing;

/// <summary>
/// The idle servers of one AWS CLI, or none at all when its server cannot start or ECRPUB_AWS_CLI_SERVER=off asks for
/// child processes (to compare, or to rule the server out when a test fails).
/// </summary>
internal sealed class AwsCliServerPool(string executable)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(1);
    private readonly ConcurrentBag<AwsCliServer> _idle = [];
    private volatile bool _unavailable;

    public async Task<AwsCliServer?> TakeAsync()
    {
        if (_idle.TryTake(out var idle))
        {
            return idle;
        }

        if (_unavailable || Environment.GetEnvironmentVariable("ECRPUB_AWS_CLI_SERVER") == "off")
        {
            return null;
        }

        try
        {
            var server = await AwsCliServer.StartAsync(executable, StartTimeout);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
            return server;
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or Win32Exception or OperationCanceledException)
        {
            _unavailable = true;
            using var stderr = new StreamWriter(Console.OpenStandardError());
            stderr.WriteLine($"note: the AWS CLI server for {executable} could not start ({exception.Message}); its calls run as child processes, which is slower");
            return null;
        }
    }

    public void Return(AwsCliServer server) => _idle.Add(server);
}
