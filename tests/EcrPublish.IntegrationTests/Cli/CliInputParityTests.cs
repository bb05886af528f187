using System.Text.Json.Nodes;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Cli;

/// <summary>
/// <c>--generate-cli-skeleton</c>, <c>--cli-input-json</c> and <c>--cli-input-yaml</c> against the AWS CLI. The input
/// skeleton is compared with v1, whose botocore has the same ECR model as dotnet ecr (v2.9's is older), with string
/// values blanked: v1 picks a random enum value where v2 and dotnet ecr take the first.
/// </summary>
public sealed class CliInputParityTests
{
    public static TheoryData<string> CheatSheetOperations => new(
    [
        "create-repository", "describe-repositories", "delete-repository", "describe-images", "list-images", "batch-delete-image",
        "batch-get-image", "put-image-scanning-configuration", "start-image-scan", "describe-image-scan-findings",
        "put-registry-scanning-configuration", "put-lifecycle-policy", "get-lifecycle-policy-preview", "set-repository-policy",
        "put-replication-configuration", "create-pull-through-cache-rule", "put-registry-policy", "get-authorization-token",
    ]);

    [Theory]
    [MemberData(nameof(CheatSheetOperations))]
    public async Task Input_skeletons_have_the_shape_of_the_aws_cli_ones(string operation)
    {
        var aws = (await CliParityRunner.AwsAtAsync(TestEnvironment.MotoUrl, [operation, "--generate-cli-skeleton"], AwsCliVersion.V1)).EnsureSuccess();
        var net = (await CliParityRunner.DotnetEcrAsync(operation, "--generate-cli-skeleton", "input")).EnsureSuccess();

        Assert.Equal(BlankStrings(JsonNode.Parse(aws.StandardOutput))!.ToJsonString(), BlankStrings(JsonNode.Parse(net.StandardOutput))!.ToJsonString());
        Assert.StartsWith("{\n    \"", net.StandardOutput, StringComparison.Ordinal);
    }

    /// <summary>Cheat-sheet operations whose input shapes v2.9's model and dotnet ecr's agree on (others gained members since).</summary>
    public static TheoryData<string> OperationsWithTheSameInputInV2 => new(
    [
        "describe-repositories", "batch-delete-image", "batch-get-image", "put-image-scanning-configuration", "start-image-scan",
        "describe-image-scan-findings", "put-registry-scanning-configuration", "put-lifecycle-policy", "get-lifecycle-policy-preview",
        "set-repository-policy", "put-replication-configuration", "put-registry-policy", "get-authorization-token", "describe-registry",
    ]);

    [Theory]
    [MemberData(nameof(OperationsWithTheSameInputInV2))]
    public async Task Yaml_input_skeletons_match_the_aws_cli_v2(string operation)
    {
        await CliParityRunner.AssertSameSequentiallyAsync(operation, "--generate-cli-skeleton", "yaml-input");
    }

    [Theory]
    [InlineData("describe-repositories")]
    [InlineData("describe-images", "--repository-name", "my-app/backend")]
    [InlineData("describe-image-scan-findings", "--repository-name", "my-app/backend", "--image-id", "imageTag=v1.2.0")]
    [InlineData("get-authorization-token", "--query", "authorizationData[0]", "--output", "text")]
    [InlineData("describe-images", "--repository-name", "my-app/backend", "--output", "table", "--query", "imageDetails[].{Tag:imageTags[0],Pushed:imagePushedAt}")]
    public async Task Output_skeletons_print_as_the_aws_cli_prints_them(params string[] words)
    {
        await CliParityRunner.AssertSameSequentiallyAsync(AwsCliVersion.V1, [.. words, "--generate-cli-skeleton", "output"]);
    }

    [Fact]
    public async Task Output_skeletons_still_check_the_options()
    {
        await CliParityRunner.AssertSameSequentiallyAsync("create-repository", "--generate-cli-skeleton", "output");
        await CliParityRunner.AssertSameSequentiallyAsync("create-repository", "--repository-name", "x", "--generate-cli-skeleton", "output");
    }

    [Fact]
    public async Task Requests_from_yaml_and_json_documents()
    {
        var run = new CliParityRunner("input");
        await run.AssertSameAsync("create-repository", "--cli-input-yaml",
            "repositoryName: REPO/backend\nimageTagMutability: IMMUTABLE\nimageScanningConfiguration:\n  scanOnPush: true\ntags:\n- Key: Environment\n  Value: Production\n");
        await run.AssertSameAsync("describe-repositories", "--cli-input-json", """{"repositoryNames":["REPO/backend"]}""", "--query", "repositories[0].[repositoryName,imageTagMutability]", "--output", "text");
        await run.AssertSameAsync("create-repository", "--cli-input-yaml", "repositoryName: REPO/other\nimageScanningConfiguration:\n  scanOnPush: yes\n");
        await run.AssertSameAsync("create-repository", "--cli-input-yaml", "repositoryName: 123");
        await run.AssertSameAsync("describe-repositories", "--cli-input-yaml", "a: [b");
        await run.AssertSameAsync("describe-repositories", "--cli-input-yaml", "- REPO/backend");
        await run.AssertSameAsync("describe-repositories", "--cli-input-yaml", "");
        await run.AssertSameAsync("describe-repositories", "--cli-input-json", "{bad");
        await run.AssertSameAsync("describe-repositories", "--cli-input-json", "[1]");
        await run.AssertSameAsync("describe-repositories", "--cli-input-yaml", "repositoryNames: [REPO/backend]", "--cli-input-json", "{}");
        var deleted = await run.AssertSameAsync("delete-repository", "--cli-input-json", """{"repositoryName":"REPO/backend","force":true}""", "--query", "repository.repositoryName", "--output", "text");

        Assert.Equal(run.NetName + "/backend\n", deleted.StandardOutput);
    }

    private static JsonNode? BlankStrings(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    obj[key] = BlankStrings(obj[key]?.DeepClone());
                }

                return obj;
            case JsonArray array:
                return new JsonArray(array.Select(e => BlankStrings(e?.DeepClone())).ToArray());
            case JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String:
                return "";
            default:
                return node;
        }
    }
}
