using System.Text.Json;
using EcrPublish.LocalEcr;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Package;

/// <summary>
/// "Repository as code" through 'dotnet publish': every repository option of the project reaches ECR on creation,
/// and the lifecycle and repository policy files are applied when, and only when, they differ from ECR's. Checked
/// with the real AWS CLI and LocalEcr's call counts.
/// </summary>
public sealed class RepositoryAsCodeTests(PackageFixture package) : IClassFixture<PackageFixture>
{
    private const string KmsKey = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    private const string RepositoryPolicy = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "AllowPull",
              "Effect": "Allow",
              "Principal": { "AWS": "arn:aws:iam::123456789012:root" },
              "Action": [ "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer" ]
            }
          ]
        }
        """;

    [Fact]
    public async Task Creates_the_repository_with_every_option_and_syncs_the_policy_files_only_when_they_change()
    {
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions());
        var project = await ConsumerProject.CreateAsync(package, "e2erepoascode", web: true);
        await project.AddToProjectFileAsync("""
            <ItemGroup>
              <EcrRepositoryTag Include="Team" Value="Backend" />
              <EcrRepositoryTag Include="Environment" Value="Production" />
            </ItemGroup>
            """);
        // Outside the project folder: the Web SDK would publish *.json files into the image.
        var policies = Directory.CreateDirectory(project.Directory + "-policies").FullName;
        var lifecycleFile = Path.Combine(policies, "lifecycle.json");
        var policyFile = Path.Combine(policies, "repository-policy.json");
        await File.WriteAllTextAsync(lifecycleFile, CheatSheet.LifecyclePolicy);
        await File.WriteAllTextAsync(policyFile, RepositoryPolicy);
        var environment = LocalEcrEnvironment.For(localEcr);
        string[] where =
        [
            "-p:PublishToEcr=true", $"-p:EcrServiceUrl={localEcr.Endpoint}", $"-p:ContainerBaseImage={TestEnvironment.AspNetBaseImage}",
            "-p:EcrRepository=team/ascode", "-p:EcrScanOnPush=false", "-p:EcrImageTagMutability=IMMUTABLE",
            "-p:EcrEncryptionType=KMS", $"-p:EcrKmsKey={KmsKey}", $"-p:EcrLifecyclePolicyFile={lifecycleFile}", $"-p:EcrRepositoryPolicyFile={policyFile}",
        ];

        var first = await project.PublishAsync(environment, where);

        Assert.True(first.ExitCode == 0, first.Output);
        using (var described = await AwsJsonAsync(localEcr, "describe-repositories", "--repository-names", "team/ascode"))
        {
            var repository = described.RootElement.GetProperty("repositories")[0];
            Assert.False(repository.GetProperty("imageScanningConfiguration").GetProperty("scanOnPush").GetBoolean());
            Assert.Equal("IMMUTABLE", repository.GetProperty("imageTagMutability").GetString());
            Assert.Equal("KMS", repository.GetProperty("encryptionConfiguration").GetProperty("encryptionType").GetString());
            Assert.Equal(KmsKey, repository.GetProperty("encryptionConfiguration").GetProperty("kmsKey").GetString());

            using var tags = await AwsJsonAsync(localEcr, "list-tags-for-resource", "--resource-arn", repository.GetProperty("repositoryArn").GetString()!);
            Assert.Equal(
                ["Environment=Production", "Team=Backend"],
                tags.RootElement.GetProperty("tags").EnumerateArray().Select(tag => $"{tag.GetProperty("Key").GetString()}={tag.GetProperty("Value").GetString()}").Order(StringComparer.Ordinal));
        }

        Assert.True(JsonNodeEquals(CheatSheet.LifecyclePolicy, await PolicyTextAsync(localEcr, "get-lifecycle-policy", "lifecyclePolicyText")));
        Assert.True(JsonNodeEquals(RepositoryPolicy, await PolicyTextAsync(localEcr, "get-repository-policy", "policyText")));
        Assert.Equal(1, localEcr.CallCount("PutLifecyclePolicy"));
        Assert.Equal(1, localEcr.CallCount("SetRepositoryPolicy"));

        // Nothing changed: the same image (immutable tags accept the same digest) and no policy writes.
        var unchanged = await project.PublishAsync(environment, where);
        Assert.True(unchanged.ExitCode == 0, unchanged.Output);
        Assert.Equal(1, localEcr.CallCount("PutLifecyclePolicy"));
        Assert.Equal(1, localEcr.CallCount("SetRepositoryPolicy"));
        Assert.Equal(1, localEcr.CallCount("CreateRepository"));

        // The lifecycle file changes: only the lifecycle policy is written again.
        var changedLifecycle = CheatSheet.LifecyclePolicy.Replace("\"countNumber\": 10", "\"countNumber\": 20", StringComparison.Ordinal);
        Assert.NotEqual(CheatSheet.LifecyclePolicy, changedLifecycle);
        await File.WriteAllTextAsync(lifecycleFile, changedLifecycle);
        var changed = await project.PublishAsync(environment, where);
        Assert.True(changed.ExitCode == 0, changed.Output);
        Assert.Contains("applied the lifecycle policy to team/ascode", changed.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(2, localEcr.CallCount("PutLifecyclePolicy"));
        Assert.Equal(1, localEcr.CallCount("SetRepositoryPolicy"));
        Assert.True(JsonNodeEquals(changedLifecycle, await PolicyTextAsync(localEcr, "get-lifecycle-policy", "lifecyclePolicyText")));
    }

    [Fact]
    public async Task A_missing_repository_with_EcrCreateRepository_false_fails_with_its_code_and_creates_nothing()
    {
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions());
        var project = await ConsumerProject.CreateAsync(package, "e2enocreate", web: true);

        var result = await project.PublishAsync(LocalEcrEnvironment.For(localEcr),
            "-p:PublishToEcr=true", $"-p:EcrServiceUrl={localEcr.Endpoint}", $"-p:ContainerBaseImage={TestEnvironment.AspNetBaseImage}",
            "-p:EcrRepository=team/missing", "-p:EcrCreateRepository=false");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("error ECR2201", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("dotnet ecr create-repository --repository-name team/missing", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(0, localEcr.CallCount("CreateRepository"));
        Assert.Equal(0, localEcr.CallCount("GetAuthorizationToken"));
    }

    private static async Task<JsonDocument> AwsJsonAsync(LocalEcrServer localEcr, params string[] command)
    {
        var result = (await AwsCliRunner.RunAsync(TestEnvironment.AwsCliV2,
            ["ecr", .. command, "--endpoint-url", localEcr.Endpoint.ToString(), "--output", "json"], LocalEcrEnvironment.For(localEcr))).EnsureSuccess();
        return JsonDocument.Parse(result.StandardOutput);
    }

    private static async Task<string> PolicyTextAsync(LocalEcrServer localEcr, string command, string property)
    {
        using var response = await AwsJsonAsync(localEcr, command, "--repository-name", "team/ascode");
        return response.RootElement.GetProperty(property).GetString()!;
    }

    private static bool JsonNodeEquals(string expected, string actual) =>
        System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(expected), System.Text.Json.Nodes.JsonNode.Parse(actual));
}
