using EcrPublish.IntegrationTests.Package;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Cli;

/// <summary>
/// <c>dotnet ecr publish</c> with the packed EcrPublish: the same image line as a plain <c>dotnet publish -p:PublishToEcr=true</c>,
/// and with <c>--debug</c> the build's ECR and registry requests on stderr without a secret.
/// </summary>
public sealed class PublishVerbTests(PackageFixture package) : IClassFixture<PackageFixture>
{
    private const string SecretKey = "pUbLiSh/DeBuG+SeCrEt-never-printed-9876543210";
    private const string SessionToken = "IQoJb3JpZ2luX2VjEPublishDebugSessionNeverPrinted";

    [Fact]
    public async Task Publish_builds_and_pushes_the_project_image_with_the_global_endpoint_and_debug_logs_it_without_secrets()
    {
        var project = await ConsumerProject.CreateAsync(package, "cliweb", web: true);
        var repository = $"cli/web-{Guid.NewGuid().ToString("N")[..8]}";
        var environment = DotnetEnvironment.Clean(package.PackagesDirectory);
        environment["AWS_ACCESS_KEY_ID"] = "testing";
        environment["AWS_SECRET_ACCESS_KEY"] = SecretKey;
        environment["AWS_SESSION_TOKEN"] = SessionToken;
        environment["AWS_ENDPOINT_URL"] = null;
        environment["AWS_ENDPOINT_URL_ECR"] = null;
        environment["AWS_PROFILE"] = null;

        var publish = await ProcessRunner.RunAsync(
            "dotnet",
            [CliParityRunner.DotnetEcrAssembly, "--endpoint-url", TestEnvironment.MotoUrl, "--region", "us-east-1", "--debug", "publish",
                "-nodeReuse:false", $"-p:EcrRegistryEndpoint=http://{TestEnvironment.Registry}",
                $"-p:ContainerBaseImage={TestEnvironment.AspNetBaseImage}", $"-p:EcrRepository={repository}",
                // moto has no registry, so it never learns of the pushed image and cannot scan it.
                "-p:EcrScan=None"],
            environment,
            workingDirectory: project.Directory,
            timeout: TimeSpan.FromMinutes(5));
        var output = publish.Output;

        Assert.True(publish.ExitCode == 0, output);
        Assert.Contains($"EcrPublish: {TestEnvironment.Registry}/{repository}@sha256:", output, StringComparison.Ordinal);
        var repositories = (await CliParityRunner.DotnetEcrAsync("describe-repositories", "--repository-names", repository, "--query", "repositories[0].repositoryName", "--output", "text")).EnsureSuccess();
        Assert.Equal(repository + "\n", repositories.StandardOutput);

        // The debug log comes from inside the build (ECRPUBLISH_DEBUG): the ECR calls and the registry's pushes.
        Assert.Contains("'X-Amz-Target': 'AmazonEC2ContainerRegistry_V20150921.CreateRepository'", publish.StandardError, StringComparison.Ordinal);
        Assert.Contains($"Request: PUT http://{TestEnvironment.Registry}/v2/{repository}/manifests/", publish.StandardError, StringComparison.Ordinal);
        Assert.Contains("'X-Amz-Security-Token': '<redacted>'", publish.StandardError, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(SecretKey, output, StringComparison.Ordinal);
        Assert.DoesNotContain(SessionToken, output, StringComparison.Ordinal);
        var password = (await CliParityRunner.DotnetEcrAsync("get-login-password")).EnsureSuccess().StandardOutput.TrimEnd('\n');
        Assert.DoesNotContain(password, output, StringComparison.Ordinal);
    }
}
