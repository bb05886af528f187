using EcrPublish.Docker;
using Xunit;

namespace EcrPublish.Core.Tests.Docker;

public sealed class DockerRepositoryNameTests
{
    [Theory]
    [InlineData("123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app", "123456789012.dkr.ecr.eu-west-1.amazonaws.com", "team/app")]
    [InlineData("127.0.0.1:5000/app", "127.0.0.1:5000", "app")]
    [InlineData("localhost/app", "localhost", "app")]
    [InlineData("team/app", "docker.io", "team/app")]
    [InlineData("nginx", "docker.io", "library/nginx")]
    public void Splits_the_registry_host_from_the_path(string repository, string registry, string path)
    {
        var name = DockerRepositoryName.Parse(repository);

        Assert.Equal(registry, name.Registry);
        Assert.Equal(path, name.Path);
    }

    [Theory]
    [InlineData("127.0.0.1:5000/App")]
    [InlineData("127.0.0.1:5000/app//x")]
    [InlineData("127.0.0.1:5000/-app")]
    [InlineData("127.0.0.1:5000/app:tag")]
    public void Rejects_invalid_repository_names_with_a_code(string repository)
    {
        var exception = Assert.Throws<DockerEngineException>(() => DockerRepositoryName.Parse(repository));

        Assert.Equal(DockerErrorCodes.InvalidImageReference, exception.Code);
    }

    [Theory]
    [InlineData("1.2.3", true)]
    [InlineData("abc1234", true)]
    [InlineData("feature_x-1", true)]
    [InlineData(".hidden", false)]
    [InlineData("-dash", false)]
    [InlineData("has/slash", false)]
    [InlineData("has space", false)]
    public void Validates_tags(string tag, bool valid)
    {
        var exception = Record.Exception(() => DockerRepositoryName.ValidateTag(tag));

        Assert.Equal(valid, exception is null);
        if (!valid)
        {
            Assert.Equal(DockerErrorCodes.InvalidImageReference, Assert.IsType<DockerEngineException>(exception).Code);
        }
    }

    [Fact]
    public void A_tag_longer_than_128_characters_is_rejected()
    {
        Assert.Throws<DockerEngineException>(() => DockerRepositoryName.ValidateTag(new string('a', 129)));
        DockerRepositoryName.ValidateTag(new string('a', 128));
    }
}
