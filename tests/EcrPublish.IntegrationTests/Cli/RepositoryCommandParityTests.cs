using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Cli;

/// <summary>The cheat sheet's "Repository Management" and "Authentication" commands: dotnet ecr prints what aws ecr (v2 and v1) prints.</summary>
public sealed class RepositoryCommandParityTests
{
    // v2 only: every v1 difference this exercises (epoch timestamps, exit code 255) is covered by the tests that run both.
    [Theory]
    [InlineData(AwsCliVersion.V2)]
    public async Task Create_describe_and_delete_repositories(AwsCliVersion cli)
    {
        var run = new CliParityRunner("repo", cli: cli);

        await run.AssertSameAsync("create-repository", "--repository-name", "REPO/backend",
            "--image-scanning-configuration", "scanOnPush=true", "--image-tag-mutability", "IMMUTABLE");
        await run.AssertSameAsync("create-repository", "--repository-name", "REPO/kms",
            "--image-scanning-configuration", "scanOnPush=true", "--image-tag-mutability", "IMMUTABLE",
            "--encryption-configuration", "encryptionType=KMS,kmsKey=alias/ecr-key");
        await run.AssertSameAsync("create-repository", "--repository-name", "REPO/tagged",
            "--tags", "Key=Environment,Value=Production", "Key=Team,Value=Backend");
        await run.AssertSameAsync("describe-repositories", "--repository-names", "REPO/backend");
        await run.AssertSameAsync("describe-repositories", "--repository-names", "REPO/backend", "REPO/tagged", "--output", "text");
        await run.AssertSameAsync("describe-repositories", "--repository-names", "REPO/backend", "REPO/kms", "--output", "table");
        if (run.HasYamlOutput)
        {
            await run.AssertSameAsync("describe-repositories", "--repository-names", "REPO/backend", "REPO/tagged", "--output", "yaml");
            await run.AssertSameAsync("describe-repositories", "--repository-names", "REPO/backend", "REPO/kms", "--output", "yaml-stream");
        }

        var uri = await run.AssertSameAsync("describe-repositories", "--repository-names", "REPO/backend",
            "--query", "repositories[0].repositoryUri", "--output", "text");
        await run.AssertSameAsync("delete-repository", "--repository-name", "REPO/tagged");
        await run.AssertSameAsync("delete-repository", "--repository-name", "REPO/kms", "--force");
        await run.AssertSameAsync("delete-repository", "--repository-name", "REPO/backend", "--force");

        Assert.Equal($"123456789012.dkr.ecr.us-east-1.amazonaws.com/{run.NetName}/backend\n", uri.StandardOutput);
    }

    // v2 only: every v1 difference this exercises (epoch timestamps, exit code 255) is covered by the tests that run both.
    [Theory]
    [InlineData(AwsCliVersion.V2)]
    public async Task Every_repository_is_listed_and_paging_options_give_the_same_pages(AwsCliVersion cli)
    {
        var run = new CliParityRunner("pages", cli: cli);
        foreach (var suffix in new[] { "/a", "/b", "/c" })
        {
            await run.AssertSameAsync("create-repository", "--repository-name", "REPO" + suffix);
        }

        await run.AssertSameAsync("describe-repositories", "--repository-names", "REPO/a", "REPO/b", "REPO/c", "--query", "repositories[*].repositoryName");
        var all = await CliParityRunner.DotnetEcrAsync("describe-repositories", "--query", "repositories[*].repositoryName", "--output", "text");
        var firstPage = await CliParityRunner.DotnetEcrAsync("describe-repositories", "--max-items", "1", "--page-size", "1");
        var awsFirstPage = await CliParityRunner.AwsAtAsync(TestEnvironment.MotoUrl, ["describe-repositories", "--max-items", "1", "--page-size", "1"], cli);

        Assert.Contains(run.NetName + "/b", all.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("\"NextToken\": ", firstPage.StandardOutput, StringComparison.Ordinal);
        // Same resume token format as botocore: the AWS CLI can continue from dotnet ecr's token.
        var token = System.Text.Json.Nodes.JsonNode.Parse(firstPage.StandardOutput)!["NextToken"]!.GetValue<string>();
        var awsToken = System.Text.Json.Nodes.JsonNode.Parse(awsFirstPage.StandardOutput)!["NextToken"]!.GetValue<string>();
        Assert.Equal(awsToken, token);
        var resumed = await CliParityRunner.AwsAtAsync(TestEnvironment.MotoUrl, ["describe-repositories", "--starting-token", token, "--max-items", "1"], cli);
        Assert.Equal(0, resumed.ExitCode);
    }

    // v2 only: every v1 difference this exercises (epoch timestamps, exit code 255) is covered by the tests that run both.
    [Theory]
    [InlineData(AwsCliVersion.V2)]
    public async Task Login_password_and_authorization_token_queries(AwsCliVersion cli)
    {
        await CliParityRunner.AssertSameSequentiallyAsync(cli, "get-login-password", "--region", "us-east-1");
        await CliParityRunner.AssertSameSequentiallyAsync(cli, "get-authorization-token", "--query", "authorizationData[0].authorizationToken", "--output", "text");
        await CliParityRunner.AssertSameSequentiallyAsync(cli, "get-authorization-token", "--query", "authorizationData[0].expiresAt");
        var password = await CliParityRunner.DotnetEcrAsync("get-login-password");

        Assert.Equal(0, password.ExitCode);
        Assert.DoesNotContain("AWS:", password.StandardOutput, StringComparison.Ordinal);
        Assert.EndsWith("\n", password.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AwsCliVersion.V2)]
    [InlineData(AwsCliVersion.V1)]
    public async Task Errors_are_printed_with_the_aws_cli_wording_and_exit_codes(AwsCliVersion cli)
    {
        var run = new CliParityRunner("errors", cli: cli);

        var missing = await run.AssertSameAsync("describe-repositories", "--repository-names", "REPO/absent");
        await run.AssertSameAsync("create-repository");
        await run.AssertSameAsync("create-repository", "--repository-name", "REPO/x", "--bogus", "1");
        if (cli == AwsCliVersion.V2)
        {
            // v1 prints this shorthand error with an unformatted placeholder ("{self._error_location}"): only v2 is compared.
            await run.AssertSameAsync("describe-images", "--repository-name", "REPO/x", "--image-ids", "imageTag");
        }

        await run.AssertSameAsync("create-repository", "--repository-name", "x", "--image-scanning-configuration", "scanOnPush=true,foo=1");
        // The cheat sheet's preview line passes --lifecycle-policy-text, which GetLifecyclePolicyPreview does not take.
        await run.AssertSameAsync("get-lifecycle-policy-preview", "--repository-name", "REPO/x", "--lifecycle-policy-text", "x");

        Assert.Equal(254, missing.ExitCode);
        Assert.Contains("An error occurred (RepositoryNotFoundException) when calling the DescribeRepositories operation:", missing.StandardError, StringComparison.Ordinal);
    }
}
