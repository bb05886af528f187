using EcrPublish.Registry;
using Xunit;

namespace EcrPublish.Core.Tests.Registry;

public sealed class CompositeCredentialProviderTests
{
    [Fact]
    public async Task The_first_provider_that_knows_the_host_answers()
    {
        var ecr = new StaticCredentialProvider("123456789012.dkr.ecr.eu-west-1.amazonaws.com", new RegistryCredential("AWS", "ecr-token"));
        var other = new StaticCredentialProvider("registry.example.com", new RegistryCredential("me", "secret"));
        var composite = new CompositeCredentialProvider(ecr, other);

        Assert.Equal("AWS", (await composite.GetAsync("123456789012.dkr.ecr.eu-west-1.amazonaws.com", false, CancellationToken.None))!.Username);
        Assert.Equal("me", (await composite.GetAsync("REGISTRY.example.com", false, CancellationToken.None))!.Username);
        Assert.Null(await composite.GetAsync("unknown.example.com", false, CancellationToken.None));
    }
}
