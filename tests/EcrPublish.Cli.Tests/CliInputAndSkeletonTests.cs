using System.Text.Json.Nodes;
using EcrPublish.Cli.Execution;
using Xunit;

namespace EcrPublish.Cli.Tests;

/// <summary><c>--generate-cli-skeleton</c>, <c>--cli-input-json</c> and <c>--cli-input-yaml</c> with the AWS CLI v2's rules and messages.</summary>
public sealed class CliInputAndSkeletonTests
{
    [Fact]
    public async Task The_input_skeleton_needs_no_required_option_and_calls_nothing()
    {
        var (exitCode, stdout, _, invoker) = await RunAsync(["create-repository", "--generate-cli-skeleton"]);

        Assert.Equal(0, exitCode);
        Assert.Empty(invoker.Requests);
        var skeleton = JsonNode.Parse(stdout)!;
        Assert.Equal("", (string?)skeleton["repositoryName"]);
        Assert.Equal("MUTABLE", (string?)skeleton["imageTagMutability"]);
        Assert.True((bool)skeleton["imageScanningConfiguration"]!["scanOnPush"]!);
        Assert.Equal("""[{"Key":"","Value":""}]""", skeleton["tags"]!.ToJsonString());
        Assert.StartsWith("{\n    \"registryId\": \"\",\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_input_skeleton_is_json_whatever_the_output_format_and_empty_for_an_operation_without_input()
    {
        var (_, stdout, _, _) = await RunAsync(["describe-registry", "--generate-cli-skeleton", "input", "--output", "yaml"]);

        Assert.Equal("{}\n", stdout);
    }

    [Fact]
    public async Task The_output_skeleton_checks_the_options_and_prints_like_a_response()
    {
        var (missing, _, missingError, _) = await RunAsync(["describe-images", "--generate-cli-skeleton", "output"]);
        var (exitCode, stdout, _, invoker) = await RunAsync(
            ["describe-images", "--repository-name", "app", "--generate-cli-skeleton", "output", "--query", "imageDetails[0].[imageTags[0], imagePushedAt, imageSizeInBytes]", "--output", "text"]);

        Assert.Equal(ExitCodes.UsageError, missing);
        Assert.Contains("the following arguments are required: --repository-name", missingError, StringComparison.Ordinal);
        Assert.Equal(0, exitCode);
        Assert.Empty(invoker.Requests);
        // As AWS CLI v2 prints it: str() of botocore's sample datetime.
        Assert.Equal("ImageTag\t1970-01-01 00:00:00\t0\n", stdout);
    }

    [Fact]
    public async Task Recursive_and_map_shapes_are_generated_once()
    {
        var (_, stdout, _, _) = await RunAsync(["describe-image-scan-findings", "--repository-name", "app", "--image-id", "imageTag=v1", "--generate-cli-skeleton", "output"]);

        var findings = JsonNode.Parse(stdout)!["imageScanFindings"]!;
        Assert.Equal("""{"KeyName":0}""", findings["findingSeverityCounts"]!.ToJsonString());
        Assert.Equal("severity", (string?)findings["findings"]![0]!["severity"]);
    }

    [Fact]
    public async Task Yaml_input_gives_typed_parameters_and_options_on_the_command_line_win()
    {
        var (exitCode, _, stderr, invoker) = await RunAsync(
            ["create-repository", "--cli-input-yaml", "repositoryName: from-yaml\nimageScanningConfiguration:\n  scanOnPush: true\nimageTagMutability: MUTABLE\n", "--image-tag-mutability", "IMMUTABLE"],
            _ => """{"repository":{"repositoryName":"from-yaml"}}""");

        Assert.True(exitCode == 0, stderr);
        Assert.Equal("""{"repositoryName":"from-yaml","imageScanningConfiguration":{"scanOnPush":true},"imageTagMutability":"IMMUTABLE"}""", invoker.Requests[0].ToJsonString());
    }

    [Fact]
    public async Task Yaml_input_is_read_as_yaml_1_2_and_checked_like_options()
    {
        var (exitCode, _, stderr, invoker) = await RunAsync(["create-repository", "--cli-input-yaml", "repositoryName: app\nimageScanningConfiguration:\n  scanOnPush: yes\n"]);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Empty(invoker.Requests);
        Assert.Equal(
            "\nParameter validation failed:\nInvalid type for parameter imageScanningConfiguration.scanOnPush, value: yes, type: <class 'str'>, valid types: <class 'bool'>\n",
            stderr);
    }

    [Theory]
    [InlineData("--cli-input-yaml", "a: [b", "Error parsing parameter 'cli-input-yaml': Invalid YAML received.")]
    [InlineData("--cli-input-yaml", "- a", "Error parsing parameter '--cli-input-yaml': Invalid type: expecting map, received <class 'list'>")]
    [InlineData("--cli-input-yaml", "", "Error parsing parameter '--cli-input-yaml': Invalid type: expecting map, received <class 'NoneType'>")]
    [InlineData("--cli-input-json", "{bad", "Error parsing parameter 'cli-input-json': Invalid JSON received.")]
    [InlineData("--cli-input-json", "[1]", "Error parsing parameter '--cli-input-json': Invalid type: expecting map, received <class 'list'>")]
    public async Task Bad_input_documents_are_reported_as_the_aws_cli_does(string option, string document, string message)
    {
        var (exitCode, _, stderr, _) = await RunAsync(["describe-repositories", option, document]);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Equal("\n" + message + "\n", stderr);
    }

    [Fact]
    public async Task Only_one_input_document_may_be_given()
    {
        var (exitCode, _, stderr, _) = await RunAsync(["describe-repositories", "--cli-input-yaml", "x: 1", "--cli-input-json", "{}"]);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Equal("\nOnly one --cli-input- parameter may be specified.\n", stderr);
    }

    [Fact]
    public async Task The_yaml_input_skeleton_comments_each_member_as_the_aws_cli_v2_does()
    {
        var (exitCode, stdout, _, invoker) = await RunAsync(["put-registry-scanning-configuration", "--generate-cli-skeleton", "yaml-input"]);

        // Printed by AWS CLI v2.9 for the same model.
        Assert.Equal(
            "scanType: BASIC  # The scanning type to set for the registry. Valid values are: BASIC, ENHANCED.\n" +
            "rules: # The scanning rules to use for the registry.\n" +
            "- scanFrequency: SCAN_ON_PUSH  # [REQUIRED] The frequency that scans are performed at for a private registry. Valid values are: SCAN_ON_PUSH, CONTINUOUS_SCAN, MANUAL.\n" +
            "  repositoryFilters: # [REQUIRED] The repository filters associated with the scanning configuration for a private registry.\n" +
            "  - filter: ''  # [REQUIRED] The filter to use when scanning.\n" +
            "    filterType: WILDCARD # [REQUIRED] The type associated with the filter. Valid values are: WILDCARD.\n",
            stdout);
        Assert.Equal(0, exitCode);
        Assert.Empty(invoker.Requests);
    }

    [Fact]
    public async Task The_yaml_input_skeleton_reads_back_through_cli_input_yaml()
    {
        var (_, skeleton, _, _) = await RunAsync(["put-image-scanning-configuration", "--generate-cli-skeleton", "yaml-input"]);
        var filled = skeleton.Replace("repositoryName: ''", "repositoryName: my-app/backend", StringComparison.Ordinal)
            .Replace("registryId: ''", "registryId: '123456789012'", StringComparison.Ordinal);

        var (exitCode, _, stderr, invoker) = await RunAsync(["put-image-scanning-configuration", "--cli-input-yaml", filled], _ => "{}");

        Assert.True(exitCode == 0, stderr);
        Assert.Contains("scanOnPush: true  # ", skeleton, StringComparison.Ordinal);
        Assert.Equal("""{"registryId":"123456789012","repositoryName":"my-app/backend","imageScanningConfiguration":{"scanOnPush":true}}""", invoker.Requests[0].ToJsonString());
    }

    [Fact]
    public async Task Help_describes_the_input_and_skeleton_options()
    {
        var (exitCode, stdout, _, _) = await RunAsync(["put-lifecycle-policy", "help"]);

        Assert.Equal(0, exitCode);
        Assert.Contains("    [--cli-input-yaml <value>]\n    [--generate-cli-skeleton <value>]\n", stdout, StringComparison.Ordinal);
        Assert.Contains("    --generate-cli-skeleton (string)\n        Prints a JSON skeleton to standard output without sending an API\n", stdout, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr, ScriptedInvoker Invoker)> RunAsync(string[] args, params Func<JsonObject, string>[] replies)
    {
        var invoker = new ScriptedInvoker(replies.Length == 0 ? [_ => throw new InvalidOperationException("no call expected")] : replies);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var host = new CliHost(_ => invoker, stdout, stderr, _ => null, 80, TimeZoneInfo.Utc, (_, _) => Task.CompletedTask);
        var exitCode = await new CliApplication(host).RunAsync(args, CancellationToken.None);
        return (exitCode, stdout.ToString(), stderr.ToString(), invoker);
    }
}
