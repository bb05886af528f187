using EcrPublish.LocalEcr.Tests.Support;
using EcrPublish.Testing;

namespace EcrPublish.LocalEcr.Tests.Templates;

/// <summary>
/// ECR's create on push with the real docker client: with a <c>CREATE_ON_PUSH</c> template covering the name,
/// <c>docker push</c> to a repository that does not exist creates it with the template's settings and succeeds.
/// </summary>
public sealed class CreateOnPushDockerTests : LocalEcrDockerTest
{
    [Fact]
    public async Task Docker_push_to_a_missing_repository_under_a_create_on_push_template_creates_it()
    {
        (await Ecr.Ecr.CallAsync("CreateRepositoryCreationTemplate", """{"prefix":"apps","appliedFor":["CREATE_ON_PUSH"],"imageTagMutability":"IMMUTABLE","resourceTags":[{"Key":"origin","Value":"push"}]}""")).Ok();
        await Docker.LoginAsync(Ecr);
        var target = $"{Ecr.Host}/apps/web:v1";
        await Docker.PullAndTagAsync(TestEnvironment.RuntimeDepsBaseImage, target);
        try
        {
            await Docker.RunCheckedAsync("push", target);
            var repository = (await Ecr.Ecr.CallAsync("DescribeRepositories", """{"repositoryNames":["apps/web"]}""")).Ok()["repositories"]![0]!;
            Assert.Equal("IMMUTABLE", repository["imageTagMutability"]!.GetValue<string>());
            var tags = (await Ecr.Ecr.CallAsync("ListTagsForResource", $$"""{"resourceArn":"{{repository["repositoryArn"]!.GetValue<string>()}}"}""")).Ok();
            Assert.Equal("""[{"Key":"origin","Value":"push"}]""", tags["tags"]!.ToJsonString());
            var images = (await Ecr.Ecr.CallAsync("ListImages", """{"repositoryName":"apps/web"}""")).Ok();
            Assert.Equal("v1", images["imageIds"]![0]!["imageTag"]!.GetValue<string>());
        }
        finally
        {
            await Docker.RunAsync(["image", "rm", target]);
        }
    }
}
