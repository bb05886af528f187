using System.Security.Cryptography;
using Docker.DotNet;
using Docker.DotNet.Handler.Abstractions;
using Docker.DotNet.X509;

namespace EcrPublish.Docker;

/// <summary>Creates a Docker.DotNet client for an endpoint, with client certificates when it uses TLS.</summary>
internal static class DockerClientFactory
{
    public static DockerClient Create(DockerEndpoint endpoint)
    {
        var builder = new DockerClientBuilder().WithEndpoint(endpoint.Uri);
        if (endpoint.Tls is { } tls)
        {
            builder = builder.WithAuthProvider(CreateTlsCredentials(tls, endpoint));
        }

        return builder.Build();
    }

    private static IAuthProvider CreateTlsCredentials(DockerTlsSettings tls, DockerEndpoint endpoint)
    {
        var certificateFile = Path.Combine(tls.CertificateDirectory, "cert.pem");
        var keyFile = Path.Combine(tls.CertificateDirectory, "key.pem");
        var authorityFile = Path.Combine(tls.CertificateDirectory, "ca.pem");
        var required = tls.Verify ? new[] { certificateFile, keyFile, authorityFile } : [certificateFile, keyFile];
        var missing = required.Where(file => !File.Exists(file)).ToList();
        if (missing.Count > 0)
        {
            throw new DockerEngineException(DockerErrorCodes.TlsCertificatesInvalid,
                $"TLS is required for {endpoint.Describe()} but {string.Join(", ", missing)} is missing. " +
                "Point DOCKER_CERT_PATH at the directory with ca.pem, cert.pem and key.pem.");
        }

        try
        {
            var certificate = DockerTlsCertificates.LoadCertificateFromPemFiles(certificateFile, keyFile);
            if (tls.Verify)
            {
                var authority = DockerTlsCertificates.LoadCertificateAuthorityFromPemFile(authorityFile);
                return new DockerTlsCertificates(certificate, authority).CreateCredentials();
            }

            // DOCKER_TLS without DOCKER_TLS_VERIFY (or a context with SkipTLSVerify): encrypt and authenticate the client but do not
            // check the server. That is what the user asked the docker CLI for; verification is the default everywhere else.
#pragma warning disable CA5359
            return new CertificateCredentials(certificate) { ServerCertificateValidationCallback = (_, _, _, _) => true };
#pragma warning restore CA5359
        }
        catch (CryptographicException exception)
        {
            throw new DockerEngineException(DockerErrorCodes.TlsCertificatesInvalid,
                $"The TLS certificates in {tls.CertificateDirectory} for {endpoint.Describe()} cannot be loaded: {exception.Message}. " +
                "Regenerate them or point DOCKER_CERT_PATH at valid PEM files.", exception);
        }
    }
}
