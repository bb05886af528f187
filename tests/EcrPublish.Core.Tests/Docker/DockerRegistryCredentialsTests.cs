using EcrPublish.Docker;
using Xunit;

namespace EcrPublish.Core.Tests.Docker;

public sealed class DockerRegistryCredentialsTests
{
    [Fact]
    public void Formatting_never_shows_the_password()
    {
        var credentials = new DockerRegistryCredentials("AWS", "s3cr3t-token");

        Assert.Equal("AWS:***", credentials.ToString());
        Assert.DoesNotContain("s3cr3t-token", $"{credentials}", StringComparison.Ordinal);
        Assert.Equal("denied for AWS:***", credentials.Redact("denied for AWS:s3cr3t-token"));
    }

    [Fact]
    public void The_engine_auth_config_carries_the_credentials_for_the_registry_host()
    {
        var auth = new DockerRegistryCredentials("AWS", "token").ToAuthConfig("123456789012.dkr.ecr.eu-west-1.amazonaws.com");

        Assert.Equal("AWS", auth.Username);
        Assert.Equal("token", auth.Password);
        Assert.Equal("123456789012.dkr.ecr.eu-west-1.amazonaws.com", auth.ServerAddress);
    }
}
