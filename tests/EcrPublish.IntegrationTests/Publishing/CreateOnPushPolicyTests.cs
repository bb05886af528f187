using System.Text;
using System.Text.Json.Nodes;
using EcrPublish.Aws;
using EcrPublish.Aws.Model;
using EcrPublish.Images;
using EcrPublish.IntegrationTests.Registry;
using EcrPublish.IntegrationTests.Scanning;
using EcrPublish.LocalEcr;
using EcrPublish.Publishing;
using EcrPublish.Publishing.Stages;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Publishing;

/// <summary>
/// EcrCreateRepository=Template with EcrLifecyclePolicyFile and EcrRepositoryPolicyFile into LocalEcr: ECR creates the
/// repository on the first push from the CREATE_ON_PUSH template (with the template's lifecycle policy), and the
/// project's policies replace the template's right after that push, in the first publish; the next publish sends no
/// policy write.
/// </summary>
public sealed class CreateOnPushPolicyTests : IDisposable
{
    private const string ProjectLifecyclePolicy = """{"rules":[{"rulePriority":1,"description":"keep 5","selection":{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":5},"action":{"type":"expire"}}]}""";
    private const string TemplateLifecyclePolicy = """{"rules":[{"rulePriority":1,"description":"keep 30","selection":{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":30},"action":{"type":"expire"}}]}""";
    private readonly string _work = Path.Combine(TestEnvironment.WorkDirectory, "create-on-push-" + Guid.NewGuid().ToString("N")[..8]);

    public CreateOnPushPolicyTests() => Directory.CreateDirectory(_work);

    [Fact]
    public async Task The_projects_policies_apply_from_the_first_publish_once_the_push_created_the_repository()
    {
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions());
        var repositoryPolicy = $$"""{"Version":"2012-10-17","Statement":[{"Sid":"pull","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{localEcr.Options.AccountId}}:root"},"Action":["ecr:BatchGetImage"]}]}""";
        var credentials = new Amazon.Runtime.BasicAWSCredentials(localEcr.Options.AccessKeyId, localEcr.Options.SecretAccessKey);
        using var ecr = new EcrApiClient(new EcrClientOptions { Region = localEcr.Options.Region, ServiceUrl = localEcr.Endpoint, Credentials = credentials });
        var template = new JsonObject { ["prefix"] = "team", ["appliedFor"] = new JsonArray("CREATE_ON_PUSH"), ["lifecyclePolicy"] = TemplateLifecyclePolicy };
        (await ecr.InvokeAsync("CreateRepositoryCreationTemplate", Encoding.UTF8.GetBytes(template.ToJsonString()))).Dispose();
        var request = SigningPublishRequests.For(localEcr, "team/app", SyntheticPublishFolder.Create(_work, 20_000, seed: 7), "MUTABLE") with
        {
            Project = new ProjectFacts("App", "App", "App.dll", "10.0", false, true, "1.0.0"),
            ResultFile = Path.Combine(_work, "result.json"),
            SupplyChain = new SupplyChainSettings(false, SbomFormat.Spdx, false),
            Container = new ContainerSettings { BaseImage = "scratch" },
            RepositorySettings = new RepositorySettings(false, false, "MUTABLE", [], null, null, new Dictionary<string, string>(), ProjectLifecyclePolicy, repositoryPolicy)
            {
                CreateByTemplate = true,
            },
        };
        var log = new RecordingPublishLog();
        var pipeline = new EcrPublishPipeline(new PublishStageFactory(layerCacheDirectory: Path.Combine(_work, "cache"), resolveCredentials: _ => credentials));

        await pipeline.PublishAsync(request, log, CancellationToken.None);

        Assert.Equal(0, localEcr.CallCount("CreateRepository"));
        var lifecycle = await ecr.GetLifecyclePolicyAsync(new GetLifecyclePolicyRequest { RepositoryName = "team/app" });
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ProjectLifecyclePolicy), JsonNode.Parse(lifecycle.LifecyclePolicyText!)), lifecycle.LifecyclePolicyText);
        var policy = await ecr.GetRepositoryPolicyAsync(new GetRepositoryPolicyRequest { RepositoryName = "team/app" });
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(repositoryPolicy), JsonNode.Parse(policy.PolicyText!)), policy.PolicyText);
        Assert.Equal((1, 1), (localEcr.CallCount("PutLifecyclePolicy"), localEcr.CallCount("SetRepositoryPolicy")));

        await pipeline.PublishAsync(request, log, CancellationToken.None);

        Assert.Equal((1, 1), (localEcr.CallCount("PutLifecyclePolicy"), localEcr.CallCount("SetRepositoryPolicy")));
        Assert.Equal(1, localEcr.CallCount("DescribeRepositoryCreationTemplates"));
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
