using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;

namespace EcrPublish.Testing;

/// <summary>
/// The accept loop behind the tests' loopback servers (fake HTTP servers, TLS fronts, proxies): listens on a free
/// 127.0.0.1 port and hands each connection to <c>serve</c> until disposed. A connection that fails the way clients
/// do (gone away, reset, failed TLS handshake, the server stopping) ends quietly; any other exception (a failed
/// assertion inside <c>serve</c>) is left unhandled, as a bug should be.
/// </summary>
internal sealed class LoopbackListener : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly Func<TcpClient, CancellationToken, Task> serve;
    private readonly Task accepting;

    /// <param name="serve">Serves one connection; the listener disposes the client afterwards.</param>
    public LoopbackListener(Func<TcpClient, CancellationToken, Task> serve)
    {
        this.serve = serve;
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        accepting = AcceptAsync();
    }

    public int Port { get; }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        await accepting;
        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        var token = stopping.Token;
        while (!token.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            // Off the accept loop, so a slow connection never delays the next one.
            _ = Task.Run(() => ServeAsync(client, token), CancellationToken.None);
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken token)
    {
        using (client)
        {
            try
            {
                await serve(client, token);
            }
            catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException or OperationCanceledException or AuthenticationException)
            {
                // A client that gave up, a failed handshake, or the server stopping: nothing left to serve.
            }
        }
    }
}
