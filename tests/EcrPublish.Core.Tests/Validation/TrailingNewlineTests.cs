using EcrPublish.Aws;
using EcrPublish.Docker;
using EcrPublish.EcrRules;
using EcrPublish.Publishing;
using EcrPublish.Tagging;
using EcrPublish.Validation;
using Xunit;

namespace EcrPublish.Core.Tests.Validation;

/// <summary>.NET's <c>$</c> also matches before a final "\n": every validation pattern must anchor with <c>\z</c>.</summary>
public class TrailingNewlineTests
{
    [Theory]
    [InlineData("latest")]
    [InlineData("v1.2.3")]
    public void An_image_tag_with_a_trailing_newline_is_rejected(string tag)
    {
        Assert.True(EcrImageTag.IsValid(tag));
        Assert.False(EcrImageTag.IsValid(tag + "\n"));
        Assert.Throws<EcrClientException>(() => EcrRequestValidator.ImageTag(tag + "\n"));
        Assert.Throws<DockerEngineException>(() => DockerRepositoryName.ValidateTag(tag + "\n"));
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("team/service")]
    public void A_repository_name_with_a_trailing_newline_is_rejected(string name)
    {
        Assert.Null(RepositoryNameRules.Explain(name));
        Assert.NotNull(RepositoryNameRules.Explain(name + "\n"));
        Assert.Throws<EcrClientException>(() => EcrRequestValidator.RepositoryName(name + "\n"));
        Assert.Throws<DockerEngineException>(() => DockerRepositoryName.Parse("registry.example.com/" + name + "\n"));
    }

    [Fact]
    public void Region_registry_id_and_registry_host_with_a_trailing_newline_are_rejected()
    {
        Assert.False(EcrRegion.IsValid("us-east-1\n"));
        Assert.Throws<EcrClientException>(() => EcrRequestValidator.RegistryId("123456789012\n"));
        Assert.True(EcrRegistryHost.IsEcrPrivateRegistry("123456789012.dkr.ecr.us-east-1.amazonaws.com"));
        Assert.False(EcrRegistryHost.IsEcrPrivateRegistry("123456789012.dkr.ecr.us-east-1.amazonaws.com\n"));
    }
}
