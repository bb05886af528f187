using EcrPublish.Docker;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Docker;

/// <summary>DOCKER_HOST=tcp://... with DOCKER_TLS_VERIFY and DOCKER_CERT_PATH, against a TLS front of the real engine.</summary>
public sealed class DockerTlsEngineTests
{
    [Fact]
    public async Task Connects_over_TLS_with_the_client_certificate_from_DOCKER_CERT_PATH_and_verifies_the_server()
    {
        // The listing below must see an image the engine surely has, whatever ran before this test.
        (await ProcessRunner.RunAsync(TestEnvironment.Docker, ["-H", TestEnvironment.DockerHost, "pull", "-q", TestEnvironment.AspNetBaseImage])).EnsureSuccess();
        using var certificates = new TestCertificates();
        var certPath = TestDockerEngine.NewWorkDirectory("docker-certs");
        certificates.WriteDockerCertPath(certPath);
        await using var proxy = new TlsEngineProxy(certificates, EngineSocketPath());

        var candidates = new DockerEndpointResolver(new DockerEnvironment
        {
            DockerHost = proxy.Host,
            DockerTlsVerify = "1",
            DockerCertPath = certPath,
            HomeDirectory = certPath,
        }).ResolveCandidates();
        using var engine = await new DockerEngineConnector().ConnectAsync(candidates);
        var images = await engine.Client.Images.ListImagesAsync(new global::Docker.DotNet.Models.ImagesListParameters());

        Assert.Equal(new DockerTlsSettings(certPath, Verify: true), engine.Endpoint.Tls);
        Assert.Matches(@"^\d+\.\d+", engine.ApiVersion);
        Assert.Contains(images, image => image.RepoTags?.Contains(TestEnvironment.AspNetBaseImage) == true);
        Assert.True(proxy.ClientsVerified > 0, "the engine front saw the client certificate");
    }

    [Fact]
    public async Task A_server_certificate_from_another_authority_is_refused_as_unreachable()
    {
        using var certificates = new TestCertificates();
        using var otherAuthority = new TestCertificates();
        var certPath = TestDockerEngine.NewWorkDirectory("docker-certs-wrong-ca");
        certificates.WriteDockerCertPath(certPath);
        await File.WriteAllTextAsync(Path.Combine(certPath, "ca.pem"), otherAuthority.Authority.ExportCertificatePem());
        await using var proxy = new TlsEngineProxy(certificates, EngineSocketPath());

        var candidates = new DockerEndpointResolver(new DockerEnvironment
        {
            DockerHost = proxy.Host,
            DockerTlsVerify = "1",
            DockerCertPath = certPath,
            HomeDirectory = certPath,
        }).ResolveCandidates();
        var exception = await Assert.ThrowsAsync<DockerEngineException>(() => new DockerEngineConnector().ConnectAsync(candidates));

        Assert.Equal(DockerErrorCodes.EngineUnreachable, exception.Code);
        Assert.Contains($"{proxy.Host} (DOCKER_HOST, TLS verified)", exception.Message, StringComparison.Ordinal);
        Assert.Contains("not signed by the ca.pem", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_certificate_files_are_a_coded_error_naming_them()
    {
        var certPath = TestDockerEngine.NewWorkDirectory("docker-certs-empty");
        var candidates = new DockerEndpointResolver(new DockerEnvironment
        {
            DockerHost = "tcp://127.0.0.1:2376",
            DockerTlsVerify = "1",
            DockerCertPath = certPath,
            HomeDirectory = certPath,
        }).ResolveCandidates();

        var exception = await Assert.ThrowsAsync<DockerEngineException>(() => new DockerEngineConnector().ConnectAsync(candidates));

        Assert.Equal(DockerErrorCodes.TlsCertificatesInvalid, exception.Code);
        Assert.Contains(Path.Combine(certPath, "cert.pem"), exception.Message, StringComparison.Ordinal);
        Assert.Contains("DOCKER_CERT_PATH", exception.Message, StringComparison.Ordinal);
    }

    private static string EngineSocketPath()
    {
        var host = new Uri(TestEnvironment.DockerHost);
        Assert.Equal("unix", host.Scheme);
        return host.AbsolutePath;
    }
}
