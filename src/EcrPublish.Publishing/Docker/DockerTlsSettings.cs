namespace EcrPublish.Docker;

/// <summary>TLS for a tcp endpoint: the directory holding ca.pem, cert.pem and key.pem, and whether the server certificate is verified against ca.pem.</summary>
public sealed record DockerTlsSettings(string CertificateDirectory, bool Verify);
