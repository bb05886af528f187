using EcrPublish.LocalEcr.Tests.Support;
using EcrPublish.Testing;

namespace EcrPublish.LocalEcr.Tests;

/// <summary>
/// <c>docker push</c> to a repository that does not exist fails, because LocalEcr (like ECR) aborts the upload's
/// connection. Its own class so that docker's retry back-off runs in parallel with the other tests.
/// </summary>
public sealed class DockerMissingRepositoryTests : IAsyncLifetime
{
    private LocalEcrHarness ecr = null!;
    private DockerCli docker = null!;

    public async Task InitializeAsync()
    {
        ecr = await LocalEcrHarness.StartAsync();
        docker = new DockerCli();
    }

    public async Task DisposeAsync()
    {
        docker.DeleteConfig();
        await ecr.DisposeAsync();
    }

    [Fact]
    public async Task Docker_push_to_a_missing_repository_fails()
    {
        await docker.LoginAsync(ecr);
        var target = $"{ecr.Host}/does-not/exist:v1";
        await docker.PullAndTagAsync(TestEnvironment.AspNetBaseImage, target);
        try
        {
            var push = await docker.RunAsync(["push", target], timeout: TimeSpan.FromMinutes(4));
            Assert.NotEqual(0, push.ExitCode);
            Assert.Equal("RepositoryNotFoundException", (await ecr.Ecr.CallAsync("DescribeRepositories", """{"repositoryNames":["does-not/exist"]}""")).ErrorType);
        }
        finally
        {
            await docker.RunAsync(["image", "rm", target]);
        }
    }
}
