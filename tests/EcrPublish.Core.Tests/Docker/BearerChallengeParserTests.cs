using EcrPublish.Docker;
using Xunit;

namespace EcrPublish.Core.Tests.Docker;

public sealed class BearerChallengeParserTests
{
    [Fact]
    public void Reads_quoted_and_bare_parameters()
    {
        var parameters = BearerChallengeParser.Parse("realm=\"https://auth.example/token\",service=\"registry.example\",scope=\"repository:a/b:pull,push\",error=insufficient_scope");

        Assert.Equal("https://auth.example/token", parameters["realm"]);
        Assert.Equal("registry.example", parameters["service"]);
        Assert.Equal("repository:a/b:pull,push", parameters["scope"]);
        Assert.Equal("insufficient_scope", parameters["error"]);
    }
}
