using System.Security.Cryptography;
using System.Text;
using EcrPublish.Docker;
using Xunit;

namespace EcrPublish.Core.Tests.Docker;

public sealed class DockerEndpointResolverTests
{
    [Fact]
    public void DOCKER_HOST_is_the_only_candidate_when_set()
    {
        var candidates = Resolve(new DockerEnvironment { DockerHost = "unix:///run/user/1000/docker.sock", DockerContext = "ignored", HomeDirectory = "/home/u" });

        var endpoint = Assert.Single(candidates);
        Assert.Equal(new Uri("unix:///run/user/1000/docker.sock"), endpoint.Uri);
        Assert.Equal("DOCKER_HOST", endpoint.Source);
        Assert.Null(endpoint.Tls);
    }

    [Fact]
    public void A_tcp_DOCKER_HOST_with_DOCKER_TLS_VERIFY_uses_verified_TLS_with_certificates_from_DOCKER_CERT_PATH()
    {
        var endpoint = Assert.Single(Resolve(new DockerEnvironment
        {
            DockerHost = "tcp://build-host:2376",
            DockerTlsVerify = "1",
            DockerCertPath = "/certs",
            HomeDirectory = "/home/u",
        }));

        Assert.Equal(new Uri("tcp://build-host:2376"), endpoint.Uri);
        Assert.Equal(new DockerTlsSettings("/certs", Verify: true), endpoint.Tls);
    }

    [Fact]
    public void DOCKER_TLS_alone_means_TLS_without_verification_and_certificates_default_to_the_docker_config_directory()
    {
        var endpoint = Assert.Single(Resolve(new DockerEnvironment { DockerHost = "tcp://build-host:2376", DockerTls = "1", HomeDirectory = "/home/u" }));

        Assert.Equal(new DockerTlsSettings(Path.Combine("/home/u", ".docker"), Verify: false), endpoint.Tls);
    }

    [Fact]
    public void A_plain_tcp_DOCKER_HOST_has_no_TLS_and_a_missing_port_is_dockers_2375()
    {
        var endpoint = Assert.Single(Resolve(new DockerEnvironment { DockerHost = "tcp://127.0.0.1", HomeDirectory = "/home/u" }));

        Assert.Equal(new Uri("tcp://127.0.0.1:2375"), endpoint.Uri);
        Assert.Null(endpoint.Tls);
    }

    [Theory]
    [InlineData("ssh://user@host", "ssh://")]
    [InlineData("ftp://host:21", "'ftp'")]
    [InlineData("unix://", "no socket path")]
    [InlineData("not a url", "not a URL")]
    public void An_unsupported_DOCKER_HOST_is_a_coded_error(string host, string reason)
    {
        var exception = Assert.Throws<DockerEngineException>(() => Resolve(new DockerEnvironment { DockerHost = host, HomeDirectory = "/home/u" }));

        Assert.Equal(DockerErrorCodes.UnsupportedEndpoint, exception.Code);
        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
        Assert.Contains("DOCKER_HOST", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_DOCKER_HOST_or_a_context_the_well_known_sockets_are_tried_in_order_including_Podman()
    {
        using var home = new TemporaryDirectory();

        var candidates = Resolve(new DockerEnvironment { HomeDirectory = home.Path, XdgRuntimeDirectory = "/run/user/1000" });

        Assert.Equal(
            ["unix:///var/run/docker.sock", "unix:///run/user/1000/docker.sock", "unix:///run/user/1000/podman/podman.sock", "unix:///run/podman/podman.sock"],
            candidates.Select(candidate => candidate.Uri.OriginalString));
        Assert.Contains(candidates, candidate => candidate.Source == "Podman socket");
    }

    [Fact]
    public void The_current_context_of_config_json_gives_the_endpoint_and_its_TLS_files()
    {
        using var config = new TemporaryDirectory();
        config.Write("config.json", """{ "auths": {}, "currentContext": "remote" }""");
        WriteContext(config, "remote", """{"Name":"remote","Metadata":{},"Endpoints":{"docker":{"Host":"tcp://10.0.0.5:2376","SkipTLSVerify":false}}}""");
        config.Write(Path.Combine("contexts", "tls", Hash("remote"), "docker", "cert.pem"));

        var endpoint = Assert.Single(Resolve(new DockerEnvironment { DockerConfig = config.Path, HomeDirectory = "/home/u" }));

        Assert.Equal(new Uri("tcp://10.0.0.5:2376"), endpoint.Uri);
        Assert.Equal("docker context 'remote'", endpoint.Source);
        Assert.Equal(new DockerTlsSettings(Path.Combine(config.Path, "contexts", "tls", Hash("remote"), "docker"), Verify: true), endpoint.Tls);
    }

    [Fact]
    public void DOCKER_CONTEXT_overrides_config_json_and_the_default_context_means_the_default_sockets()
    {
        using var config = new TemporaryDirectory();
        config.Write("config.json", """{ "currentContext": "remote" }""");
        WriteContext(config, "podman", """{"Name":"podman","Endpoints":{"docker":{"Host":"unix:///run/user/1000/podman/podman.sock"}}}""");

        var podman = Assert.Single(Resolve(new DockerEnvironment { DockerConfig = config.Path, DockerContext = "podman", HomeDirectory = "/home/u" }));
        var defaults = Resolve(new DockerEnvironment { DockerConfig = config.Path, DockerContext = "default", HomeDirectory = "/home/u" });

        Assert.Equal(new Uri("unix:///run/user/1000/podman/podman.sock"), podman.Uri);
        Assert.Null(podman.Tls);
        Assert.Equal(new Uri("unix:///var/run/docker.sock"), defaults[0].Uri);
    }

    [Fact]
    public void A_context_that_does_not_exist_is_a_coded_error()
    {
        using var config = new TemporaryDirectory();
        config.Write("config.json", """{ "currentContext": "gone" }""");

        var exception = Assert.Throws<DockerEngineException>(() => Resolve(new DockerEnvironment { DockerConfig = config.Path, HomeDirectory = "/home/u" }));

        Assert.Equal(DockerErrorCodes.ContextInvalid, exception.Code);
        Assert.Contains("'gone'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_no_candidate_answers_the_error_lists_every_endpoint_tried_and_why()
    {
        using var directory = new TemporaryDirectory();
        var candidates = new[]
        {
            new DockerEndpoint(new Uri($"unix://{directory.Path}/docker.sock"), "default socket"),
            new DockerEndpoint(new Uri($"unix://{directory.Path}/podman/podman.sock"), "Podman socket"),
        };

        var exception = await Assert.ThrowsAsync<DockerEngineException>(() => new DockerEngineConnector().ConnectAsync(candidates));

        Assert.Equal(DockerErrorCodes.EngineUnreachable, exception.Code);
        Assert.Contains($"unix://{directory.Path}/docker.sock (default socket): the socket does not exist", exception.Message, StringComparison.Ordinal);
        Assert.Contains($"unix://{directory.Path}/podman/podman.sock (Podman socket): the socket does not exist", exception.Message, StringComparison.Ordinal);
        Assert.Contains("DOCKER_HOST", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_socket_path_too_long_for_the_Docker_client_is_reported_not_thrown()
    {
        using var directory = new TemporaryDirectory();
        var socket = directory.Write(Path.Combine(new string('d', 60), "docker.sock"));
        var candidates = new[] { new DockerEndpoint(new Uri($"unix://{socket}"), "DOCKER_HOST") };

        var exception = await Assert.ThrowsAsync<DockerEngineException>(() => new DockerEngineConnector().ConnectAsync(candidates));

        Assert.Equal(DockerErrorCodes.EngineUnreachable, exception.Code);
        Assert.Contains($"unix://{socket} (DOCKER_HOST): the socket path is longer than the 90 bytes", exception.Message, StringComparison.Ordinal);
    }

    private static IReadOnlyList<DockerEndpoint> Resolve(DockerEnvironment environment) =>
        new DockerEndpointResolver(environment).ResolveCandidates();

    private static void WriteContext(TemporaryDirectory config, string name, string meta) =>
        config.Write(Path.Combine("contexts", "meta", Hash(name), "meta.json"), meta);

    private static string Hash(string name) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(name))).ToLowerInvariant();

    [Fact]
    public void Docker_alone_tries_Dockers_sockets_and_not_Podmans()
    {
        using var home = new TemporaryDirectory();

        var candidates = new DockerEndpointResolver(new DockerEnvironment { HomeDirectory = home.Path, XdgRuntimeDirectory = "/run/user/1000" }).ResolveCandidates(LocalEngine.Docker);

        Assert.Equal(["unix:///var/run/docker.sock", "unix:///run/user/1000/docker.sock"], candidates.Select(candidate => candidate.Uri.OriginalString));
    }

    [Fact]
    public void Docker_alone_still_honours_DOCKER_HOST()
    {
        var endpoint = Assert.Single(new DockerEndpointResolver(new DockerEnvironment { DockerHost = "unix:///tmp/d.sock", HomeDirectory = "/home/u" }).ResolveCandidates(LocalEngine.Docker));

        Assert.Equal("DOCKER_HOST", endpoint.Source);
    }

    [Fact]
    public void Podman_is_CONTAINER_HOST_when_set_and_ignores_DOCKER_HOST()
    {
        var endpoint = Assert.Single(new DockerEndpointResolver(new DockerEnvironment
        {
            DockerHost = "unix:///var/run/docker.sock",
            ContainerHost = "unix:///run/user/1000/podman/podman.sock",
            HomeDirectory = "/home/u",
        }).ResolveCandidates(LocalEngine.Podman));

        Assert.Equal(new Uri("unix:///run/user/1000/podman/podman.sock"), endpoint.Uri);
        Assert.Equal("CONTAINER_HOST", endpoint.Source);
    }

    [Fact]
    public void Podman_without_CONTAINER_HOST_tries_the_rootless_then_the_rootful_socket()
    {
        var candidates = new DockerEndpointResolver(new DockerEnvironment { DockerHost = "unix:///var/run/docker.sock", XdgRuntimeDirectory = "/run/user/1000", HomeDirectory = "/home/u" })
            .ResolveCandidates(LocalEngine.Podman);

        Assert.Equal(["unix:///run/user/1000/podman/podman.sock", "unix:///run/podman/podman.sock"], candidates.Select(candidate => candidate.Uri.OriginalString));
    }
}
