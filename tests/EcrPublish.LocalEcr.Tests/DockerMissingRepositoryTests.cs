using EcrPublish.LocalEcr.Tests.Support;
using EcrPublish.Testing;

namespace EcrPublish.LocalEcr.Tests;

/// <summary>
/// <c>docker push</c> to a repository that does not exist fails, because LocalEcr (like ECR) aborts the upload's
/// connection. Its own class so that docker's retry back-off runs in parallel with the other tests.
/// </summary>
public sealed class DockerMissingRepositoryTests : LocalEcrDockerTest
{
    [Fact]
    public async Task Docker_push_to_a_missing_repository_fails()
    {
        await Docker.LoginAsync(Ecr);
        var target = $"{Ecr.Host}/does-not/exist:v1";
        await Docker.PullAndTagAsync(TestEnvironment.AspNetBaseImage, target);
        try
        {
            var push = await Docker.RunAsync(["push", target], timeout: TimeSpan.FromMinutes(4));
            Assert.NotEqual(0, push.ExitCode);
            Assert.Equal("RepositoryNotFoundException", (await Ecr.Ecr.CallAsync("DescribeRepositories", """{"repositoryNames":["does-not/exist"]}""")).ErrorType);
        }
        finally
        {
            await Docker.RunAsync(["image", "rm", target]);
        }
    }
}
