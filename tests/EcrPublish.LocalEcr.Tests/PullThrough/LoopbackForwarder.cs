using System.Net;
using System.Net.Sockets;

namespace EcrPublish.LocalEcr.Tests.PullThrough;

/// <summary>
/// A TCP forwarder on a free 127.0.0.1 port to another loopback endpoint, so a test can stand between LocalEcr and an
/// upstream registry: it counts the connections made through it, and disposing it takes the "upstream" away.
/// </summary>
internal sealed class LoopbackForwarder : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly string targetHost;
    private readonly int targetPort;
    private readonly CancellationTokenSource stopping = new();
    private readonly List<TcpClient> open = [];
    private readonly Task accepting;
    private int connections;
    private bool disposed;

    private LoopbackForwarder(string target)
    {
        var colon = target.LastIndexOf(':');
        targetHost = target[..colon];
        targetPort = int.Parse(target[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        listener.Start();
        accepting = AcceptAsync();
    }

    /// <summary>Starts forwarding connections to <paramref name="target"/> (host:port).</summary>
    public static LoopbackForwarder Start(string target) => new(target);

    /// <summary>host:port to give LocalEcr as the upstream registry.</summary>
    public string Address => $"127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";

    public int Connections => Volatile.Read(ref connections);

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        await stopping.CancelAsync();
        listener.Stop();
        lock (open)
        {
            foreach (var client in open)
            {
                client.Dispose();
            }
        }

        try
        {
            await accepting;
        }
        catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stopping.Token);
            Interlocked.Increment(ref connections);
            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        var upstream = new TcpClient();
        lock (open)
        {
            open.Add(client);
            open.Add(upstream);
        }

        try
        {
            await upstream.ConnectAsync(targetHost, targetPort, stopping.Token);
            var down = client.GetStream();
            var up = upstream.GetStream();
            await Task.WhenAny(down.CopyToAsync(up, stopping.Token), up.CopyToAsync(down, stopping.Token));
        }
        catch (Exception error) when (error is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A connection ends however it ends; the test looks at what LocalEcr answered.
        }
        finally
        {
            client.Dispose();
            upstream.Dispose();
        }
    }
}
