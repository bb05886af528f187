using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace EcrPublish.IntegrationTests.Docker;

/// <summary>
/// A tcp+TLS front for the test engine's unix socket, requiring a client certificate from the test CA: the shape of a
/// remote engine started with --tlsverify, without a second engine.
/// </summary>
internal sealed class TlsEngineProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly TestCertificates _certificates;
    private readonly string _socketPath;
    private readonly Task _acceptLoop;
    private int _clientsVerified;

    public TlsEngineProxy(TestCertificates certificates, string engineSocketPath)
    {
        _certificates = certificates;
        _socketPath = engineSocketPath;
        _listener.Start();
        _acceptLoop = AcceptAsync();
    }

    /// <summary>tcp://127.0.0.1:port.</summary>
    public string Host => $"tcp://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>How many connections presented a client certificate issued by the test CA.</summary>
    public int ClientsVerified => Volatile.Read(ref _clientsVerified);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                await using var tls = new SslStream(client.GetStream(), false, VerifyClient);
                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
                {
                    ServerCertificate = _certificates.Server,
                    ClientCertificateRequired = true,
                }, _stop.Token);
                using var engine = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await engine.ConnectAsync(new UnixDomainSocketEndPoint(_socketPath), _stop.Token);
                await using var engineStream = new NetworkStream(engine, ownsSocket: false);
                await Task.WhenAny(tls.CopyToAsync(engineStream, _stop.Token), engineStream.CopyToAsync(tls, _stop.Token));
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or System.Security.Authentication.AuthenticationException)
            {
                // A client that gave up or failed the handshake: nothing to serve.
            }
        }
    }

    private bool VerifyClient(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null)
        {
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.Add(_certificates.Authority);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var presented = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        var trusted = custom.Build(presented);
        if (trusted)
        {
            Interlocked.Increment(ref _clientsVerified);
        }

        return trusted;
    }
}
