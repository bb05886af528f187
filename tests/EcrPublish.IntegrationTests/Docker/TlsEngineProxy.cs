using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using EcrPublish.Testing;

namespace EcrPublish.IntegrationTests.Docker;

/// <summary>
/// A tcp+TLS front for the test engine's unix socket, requiring a client certificate from the test CA: the shape of a
/// remote engine started with --tlsverify, without a second engine.
/// </summary>
internal sealed class TlsEngineProxy : IAsyncDisposable
{
    private readonly TestCertificates _certificates;
    private readonly string _socketPath;
    private readonly LoopbackListener _listener;
    private int _clientsVerified;

    public TlsEngineProxy(TestCertificates certificates, string engineSocketPath)
    {
        _certificates = certificates;
        _socketPath = engineSocketPath;
        _listener = new LoopbackListener(ServeAsync);
    }

    /// <summary>tcp://127.0.0.1:port.</summary>
    public string Host => $"tcp://127.0.0.1:{_listener.Port}";

    /// <summary>How many connections presented a client certificate issued by the test CA.</summary>
    public int ClientsVerified => Volatile.Read(ref _clientsVerified);

    public ValueTask DisposeAsync() => _listener.DisposeAsync();

    private async Task ServeAsync(TcpClient client, CancellationToken cancellationToken)
    {
        await using var tls = new SslStream(client.GetStream(), false, VerifyClient);
        await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
        {
            ServerCertificate = _certificates.Server,
            ClientCertificateRequired = true,
        }, cancellationToken);
        using var engine = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await engine.ConnectAsync(new UnixDomainSocketEndPoint(_socketPath), cancellationToken);
        await using var engineStream = new NetworkStream(engine, ownsSocket: false);
        await Task.WhenAny(tls.CopyToAsync(engineStream, cancellationToken), engineStream.CopyToAsync(tls, cancellationToken));
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
