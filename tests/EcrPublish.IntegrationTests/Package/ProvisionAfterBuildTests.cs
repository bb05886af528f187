using EcrPublish.Aws;
using EcrPublish.Aws.Model;
using EcrPublish.LocalEcr;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Package;

/// <summary>
/// Nothing changes in ECR before the image is known to build: a publish whose base image does not exist leaves no
/// repository and no policy behind.
/// </summary>
public sealed class ProvisionAfterBuildTests(PackageFixture package) : IClassFixture<PackageFixture>
{
    [Fact]
    public async Task A_missing_base_image_creates_no_repository_and_puts_no_policy()
    {
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions());
        var project = await ConsumerProject.CreateAsync(package, "e2ebuildfirst", web: true);
        // Outside the project folder: the Web SDK would publish *.json files into the image.
        var policies = Directory.CreateDirectory(project.Directory + "-policies").FullName;
        var lifecycleFile = Path.Combine(policies, "lifecycle.json");
        await File.WriteAllTextAsync(lifecycleFile, CheatSheet.LifecyclePolicy);

        var result = await project.PublishAsync(LocalEcrEnvironment.For(localEcr),
            "-p:PublishToEcr=true", $"-p:EcrServiceUrl={localEcr.Endpoint}", "-p:EcrRepository=team/buildfirst",
            $"-p:ContainerBaseImage={TestEnvironment.Registry}/dotnet/no-such-base:10.0", $"-p:EcrLifecyclePolicyFile={lifecycleFile}");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("no-such-base", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(0, localEcr.CallCount("CreateRepository"));
        Assert.Equal(0, localEcr.CallCount("PutLifecyclePolicy"));
        Assert.Equal(0, localEcr.CallCount("SetRepositoryPolicy"));
        using var ecr = new EcrApiClient(new EcrClientOptions
        {
            Region = localEcr.Options.Region,
            ServiceUrl = localEcr.Endpoint,
            Credentials = new Amazon.Runtime.BasicAWSCredentials(localEcr.Options.AccessKeyId, localEcr.Options.SecretAccessKey),
        });
        var missing = await Assert.ThrowsAsync<EcrServiceException>(() => ecr.DescribeRepositoriesAsync(new DescribeRepositoriesRequest { RepositoryNames = ["team/buildfirst"] }));
        Assert.Equal(EcrServiceErrorCodes.RepositoryNotFound, missing.ErrorCode);
    }
}
