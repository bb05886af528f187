using System.Security.Cryptography;
using System.Text;
using EcrPublish.Docker;
using Xunit;

namespace EcrPublish.Core.Tests.Docker;

/// <summary>The engine gets the ECR password with every push: plain tcp to another host is refused unless the user opts in.</summary>
public sealed class CleartextEngineTests
{
    [Theory]
    [InlineData("tcp://build-host:2375")]
    [InlineData("tcp://10.0.0.5:2375")]
    public void A_tcp_DOCKER_HOST_on_another_host_without_TLS_is_ECR6026(string host)
    {
        var exception = Assert.Throws<DockerEngineException>(() => Resolve(new DockerEnvironment { DockerHost = host, HomeDirectory = "/home/u" }));

        Assert.Equal(DockerErrorCodes.CleartextEngine, exception.Code);
        Assert.Contains(DockerEnvironment.AllowInsecureVariable, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_context_on_another_host_without_TLS_is_ECR6026()
    {
        using var config = new TemporaryDirectory();
        config.Write("config.json", """{ "currentContext": "remote" }""");
        config.Write(Path.Combine("contexts", "meta", Hash("remote"), "meta.json"), """{"Name":"remote","Endpoints":{"docker":{"Host":"tcp://10.0.0.5:2375"}}}""");

        var exception = Assert.Throws<DockerEngineException>(() => Resolve(new DockerEnvironment { DockerConfig = config.Path, HomeDirectory = "/home/u" }));

        Assert.Equal(DockerErrorCodes.CleartextEngine, exception.Code);
    }

    [Theory]
    [InlineData("tcp://127.0.0.1:2375")]
    [InlineData("tcp://localhost:2375")]
    [InlineData("tcp://[::1]:2375")]
    public void Loopback_tcp_without_TLS_stays_allowed(string host) =>
        Assert.Null(Assert.Single(Resolve(new DockerEnvironment { DockerHost = host, HomeDirectory = "/home/u" })).Tls);

    [Fact]
    public void The_opt_in_or_TLS_allows_another_host()
    {
        Assert.Single(Resolve(new DockerEnvironment { DockerHost = "tcp://build-host:2375", AllowInsecureTcp = true, HomeDirectory = "/home/u" }));
        Assert.NotNull(Assert.Single(Resolve(new DockerEnvironment { DockerHost = "tcp://build-host:2376", DockerTlsVerify = "1", HomeDirectory = "/home/u" })).Tls);
    }

    private static IReadOnlyList<DockerEndpoint> Resolve(DockerEnvironment environment) =>
        new DockerEndpointResolver(environment).ResolveCandidates();

    private static string Hash(string name) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(name))).ToLowerInvariant();
}
