using EcrPublish.Docker;
using Xunit;

namespace EcrPublish.Core.Tests.Docker;

public sealed class DockerImageBuilderTests
{
    [Fact]
    public void Maps_the_request_to_the_engines_build_parameters()
    {
        var parameters = DockerImageBuilder.ToParameters(new DockerBuildRequest
        {
            DockerfilePath = "/p/Dockerfile",
            PublishDirectory = "/p/out",
            BuildArgs = new Dictionary<string, string> { ["VERSION"] = "1.2.3", ["GIT_SHA"] = "abc1234" },
            Labels = new Dictionary<string, string> { ["org.opencontainers.image.version"] = "1.2.3" },
            Target = "final",
            Platform = "linux/arm64",
            NoCache = true,
        }, ".ecrpublish.Dockerfile");

        Assert.Equal(".ecrpublish.Dockerfile", parameters.Dockerfile);
        Assert.Equal("abc1234", parameters.BuildArgs!["GIT_SHA"]);
        Assert.Equal("1.2.3", parameters.Labels!["org.opencontainers.image.version"]);
        Assert.Equal("final", parameters.Target);
        Assert.Equal("linux/arm64", parameters.Platform);
        Assert.True(parameters.NoCache);
        Assert.True(parameters.Remove);
        Assert.True(parameters.ForceRemove);
    }

    [Fact]
    public void Leaves_out_what_was_not_asked_for()
    {
        var parameters = DockerImageBuilder.ToParameters(new DockerBuildRequest { DockerfilePath = "/p/Dockerfile", PublishDirectory = "/p/out" }, "Dockerfile");

        Assert.Null(parameters.BuildArgs);
        Assert.Null(parameters.Labels);
        Assert.Null(parameters.Target);
        Assert.Null(parameters.Platform);
        Assert.Null(parameters.NoCache);
    }
}
