using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EcrPublish.Testing;

namespace EcrPublish.IntegrationTests.Registry;

/// <summary>
/// An https front on loopback for a plain-http upstream (the test registry or a <see cref="RegistryProxy"/>), with a
/// throwaway self-signed certificate for a made-up host name. Clients reach it through <see cref="TrustingHandler"/>,
/// which resolves every name to loopback and trusts exactly this certificate.
/// </summary>
internal sealed class TlsRegistryFront : IAsyncDisposable
{
    private readonly IPEndPoint _upstream;
    private readonly LoopbackListener _listener;
    private int _handshakes;

    public TlsRegistryFront(string hostName, string upstream)
    {
        HostName = hostName;
        _upstream = IPEndPoint.Parse(upstream);
        Certificate = SelfSigned(hostName);
        _listener = new LoopbackListener(ServeAsync);
    }

    public string HostName { get; }

    /// <summary>host:port of the https registry.</summary>
    public string Address => $"{HostName}:{_listener.Port}";

    public X509Certificate2 Certificate { get; }

    /// <summary>TLS handshakes that completed.</summary>
    public int Handshakes => Volatile.Read(ref _handshakes);

    /// <summary>A handler that connects every host name to 127.0.0.1 (same port) and trusts only <paramref name="trusted"/>.</summary>
    public static SocketsHttpHandler TrustingHandler(X509Certificate2 trusted) => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is not null && certificate.GetCertHashString() == trusted.GetCertHashString(),
        },
    };

    public async ValueTask DisposeAsync()
    {
        await _listener.DisposeAsync();
        Certificate.Dispose();
    }

    private static X509Certificate2 SelfSigned(string hostName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={hostName}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(hostName);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        // A PFX round trip gives a certificate whose key SslStream can use as a server.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    private async Task ServeAsync(TcpClient client, CancellationToken cancellationToken)
    {
        await using var tls = new SslStream(client.GetStream(), false);
        await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = Certificate }, cancellationToken);
        Interlocked.Increment(ref _handshakes);
        using var upstream = new TcpClient();
        await upstream.ConnectAsync(_upstream, cancellationToken);
        await using var upstreamStream = upstream.GetStream();
        await Task.WhenAny(tls.CopyToAsync(upstreamStream, cancellationToken), upstreamStream.CopyToAsync(tls, cancellationToken));
    }
}
