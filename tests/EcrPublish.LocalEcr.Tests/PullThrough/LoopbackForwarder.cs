using System.Net.Sockets;
using EcrPublish.Testing;

namespace EcrPublish.LocalEcr.Tests.PullThrough;

/// <summary>
/// A TCP forwarder on a free 127.0.0.1 port to another loopback endpoint, so a test can stand between LocalEcr and an
/// upstream registry: it counts the connections made through it, and disposing it takes the "upstream" away.
/// </summary>
internal sealed class LoopbackForwarder : IAsyncDisposable
{
    private readonly string targetHost;
    private readonly int targetPort;
    private readonly List<TcpClient> open = [];
    private readonly LoopbackListener listener;
    private int connections;
    private bool disposed;

    private LoopbackForwarder(string target)
    {
        var colon = target.LastIndexOf(':');
        targetHost = target[..colon];
        targetPort = int.Parse(target[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        listener = new LoopbackListener(ForwardAsync);
    }

    /// <summary>Starts forwarding connections to <paramref name="target"/> (host:port).</summary>
    public static LoopbackForwarder Start(string target) => new(target);

    /// <summary>host:port to give LocalEcr as the upstream registry.</summary>
    public string Address => $"127.0.0.1:{listener.Port}";

    public int Connections => Volatile.Read(ref connections);

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        await listener.DisposeAsync();

        // Connections already open would outlive the listener: close them so the "upstream" is gone at once.
        lock (open)
        {
            foreach (var client in open)
            {
                client.Dispose();
            }
        }
    }

    private async Task ForwardAsync(TcpClient client, CancellationToken stopping)
    {
        Interlocked.Increment(ref connections);
        var upstream = new TcpClient();
        lock (open)
        {
            open.Add(client);
            open.Add(upstream);
        }

        try
        {
            await upstream.ConnectAsync(targetHost, targetPort, stopping);
            var down = client.GetStream();
            var up = upstream.GetStream();
            await Task.WhenAny(down.CopyToAsync(up, stopping), up.CopyToAsync(down, stopping));
        }
        finally
        {
            // The listener closes the client; a connection otherwise ends however it ends (the test looks at what LocalEcr answered).
            upstream.Dispose();
        }
    }
}
