using System.Text.Json;
using EcrPublish.LocalEcr;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Package;

/// <summary>
/// 'dotnet publish Services.sln -p:PublishToEcr=true': every service becomes an image in its own repository, the shared
/// library does not, and the build asks ECR for a registry token once, not once per project.
/// </summary>
public sealed class SolutionPublishTests(PackageFixture package) : IClassFixture<PackageFixture>
{
    [Fact]
    public async Task Publishes_every_service_of_a_solution_with_one_authorization_token_and_skips_the_library()
    {
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions());
        var solution = await ConsumerSolution.CreateAsync(package, "e2esolution");
        var environment = LocalEcrEnvironment.For(localEcr);

        // One MSBuild node: the token cache lives in the node's process (each extra node asks once more).
        var result = await solution.PublishAsync(environment,
            "-m:1", "-p:PublishToEcr=true", $"-p:EcrServiceUrl={localEcr.Endpoint}", $"-p:ContainerBaseImage={TestEnvironment.AspNetBaseImage}",
            "-p:EcrRepositoryPrefix=shop", "-p:EcrScan=None");

        var output = result.Output;
        Assert.True(result.ExitCode == 0, output);
        Assert.Equal(1, localEcr.CallCount("GetAuthorizationToken"));

        var listed = (await AwsCliRunner.RunAsync(TestEnvironment.AwsCliV2,
            ["ecr", "describe-repositories", "--endpoint-url", localEcr.Endpoint.ToString(), "--query", "repositories[].repositoryName", "--output", "json"],
            environment)).EnsureSuccess();
        using var repositories = JsonDocument.Parse(listed.StandardOutput);
        Assert.Equal(["shop/catalog", "shop/orders"], repositories.RootElement.EnumerateArray().Select(name => name.GetString()!).Order(StringComparer.Ordinal));

        foreach (var service in ConsumerSolution.Services)
        {
            var image = $"{localEcr.RegistryHost}/shop/{service}:v2.0.0";
            await LocalEcrEnvironment.PullAsync(localEcr, image);
            await using var container = await RunningContainer.StartWebAppAsync(image);
            Assert.Equal(service, await container.GetAsync("/"));
        }
    }
}
