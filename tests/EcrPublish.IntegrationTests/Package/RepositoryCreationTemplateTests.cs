using System.Text.Json;
using EcrPublish.LocalEcr;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Package;

/// <summary>
/// <c>EcrCreateRepository=Template</c> through 'dotnet publish' into LocalEcr: the publish never calls CreateRepository;
/// LocalEcr creates the repository on push from the CREATE_ON_PUSH template (its mutability and tags), and without a
/// covering template the publish stops before pushing with ECR3130. Templates are made with the real AWS CLI v1 (the installed v2 predates them).
/// </summary>
public sealed class RepositoryCreationTemplateTests(PackageFixture package) : IClassFixture<PackageFixture>
{
    [Fact]
    public async Task ECR_creates_the_repository_on_push_with_the_template_settings()
    {
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions());
        using (await AwsJsonAsync(localEcr, "create-repository-creation-template", "--prefix", "team", "--applied-for", "CREATE_ON_PUSH",
            "--image-tag-mutability", "MUTABLE", "--resource-tags", "Key=origin,Value=template"))
        {
        }

        var project = await ConsumerProject.CreateAsync(package, "e2etemplate", web: true);

        var result = await project.PublishAsync(LocalEcrEnvironment.For(localEcr),
            "-p:PublishToEcr=true", $"-p:EcrServiceUrl={localEcr.Endpoint}", $"-p:ContainerBaseImage={TestEnvironment.AspNetBaseImage}",
            "-p:EcrRepository=team/fromtemplate", "-p:EcrCreateRepository=Template", "-p:EcrScanOnPush=false");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal(0, localEcr.CallCount("CreateRepository"));
        Assert.Contains("warning ECR1084", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("from the repository creation template 'team'", result.StandardOutput, StringComparison.Ordinal);
        using var described = await AwsJsonAsync(localEcr, "describe-repositories", "--repository-names", "team/fromtemplate");
        var repository = described.RootElement.GetProperty("repositories")[0];
        Assert.Equal("MUTABLE", repository.GetProperty("imageTagMutability").GetString());
        using var tags = await AwsJsonAsync(localEcr, "list-tags-for-resource", "--resource-arn", repository.GetProperty("repositoryArn").GetString()!);
        Assert.Equal("origin=template", string.Join(";", tags.RootElement.GetProperty("tags").EnumerateArray().Select(tag => $"{tag.GetProperty("Key").GetString()}={tag.GetProperty("Value").GetString()}")));
        using var images = await AwsJsonAsync(localEcr, "describe-images", "--repository-name", "team/fromtemplate");
        Assert.Single(images.RootElement.GetProperty("imageDetails").EnumerateArray());

        // Once ECR has created it, the repository is an existing one: no template check, still no CreateRepository.
        var again = await project.PublishAsync(LocalEcrEnvironment.For(localEcr),
            "-p:PublishToEcr=true", $"-p:EcrServiceUrl={localEcr.Endpoint}", $"-p:ContainerBaseImage={TestEnvironment.AspNetBaseImage}",
            "-p:EcrRepository=team/fromtemplate", "-p:EcrCreateRepository=Template");
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Equal(1, localEcr.CallCount("DescribeRepositoryCreationTemplates"));
        Assert.Equal(0, localEcr.CallCount("CreateRepository"));
    }

    [Fact]
    public async Task Without_a_covering_CREATE_ON_PUSH_template_the_publish_fails_before_pushing_and_names_the_prefix()
    {
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions());
        // Covers other names, or this name for another scenario only: neither lets ECR create team/missing on push.
        using (await AwsJsonAsync(localEcr, "create-repository-creation-template", "--prefix", "other", "--applied-for", "CREATE_ON_PUSH"))
        using (await AwsJsonAsync(localEcr, "create-repository-creation-template", "--prefix", "team", "--applied-for", "REPLICATION"))
        {
        }

        var project = await ConsumerProject.CreateAsync(package, "e2enotemplate", web: true);

        var result = await project.PublishAsync(LocalEcrEnvironment.For(localEcr),
            "-p:PublishToEcr=true", $"-p:EcrServiceUrl={localEcr.Endpoint}", $"-p:ContainerBaseImage={TestEnvironment.AspNetBaseImage}",
            "-p:EcrRepository=team/missing", "-p:EcrCreateRepository=Template");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("error ECR3130", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("--prefix team --applied-for CREATE_ON_PUSH", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(0, localEcr.CallCount("CreateRepository"));
        Assert.Equal(0, localEcr.CallCount("GetAuthorizationToken"));
        Assert.Equal(1, localEcr.CallCount("DescribeRepositoryCreationTemplates"));
    }

    [Fact]
    public async Task Another_accounts_registry_fails_with_ECR3131_since_only_the_callers_templates_can_be_read()
    {
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions());
        using (await AwsJsonAsync(localEcr, "create-repository-creation-template", "--prefix", "ROOT", "--applied-for", "CREATE_ON_PUSH"))
        {
        }

        var project = await ConsumerProject.CreateAsync(package, "e2eothertemplate", web: true);

        var result = await project.PublishAsync(LocalEcrEnvironment.For(localEcr),
            "-p:PublishToEcr=true", $"-p:EcrServiceUrl={localEcr.Endpoint}", $"-p:ContainerBaseImage={TestEnvironment.AspNetBaseImage}",
            "-p:EcrRepository=team/elsewhere", "-p:EcrCreateRepository=Template", "-p:EcrRegistryId=210987654321");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("error ECR3131", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"caller's registry ({localEcr.Options.AccountId})", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(0, localEcr.CallCount("CreateRepository"));
        Assert.Equal(0, localEcr.CallCount("GetAuthorizationToken"));
    }

    private static async Task<JsonDocument> AwsJsonAsync(LocalEcrServer localEcr, params string[] command)
    {
        var result = (await AwsCliRunner.RunAsync(TestEnvironment.AwsCliV1,
            ["ecr", .. command, "--endpoint-url", localEcr.Endpoint.ToString(), "--region", localEcr.Options.Region, "--output", "json"], LocalEcrEnvironment.For(localEcr))).EnsureSuccess();
        return JsonDocument.Parse(result.StandardOutput);
    }
}
