using EcrPublish.Cli.Execution;
using EcrPublish.Cli.Verbs;
using EcrPublish.EcrRules;
using Xunit;

namespace EcrPublish.Cli.Tests;

/// <summary><c>images copy</c> and <c>images tag</c>: the image forms, help with examples, and the usage errors reported before any call.</summary>
public sealed class ImagesCopyCommandLineTests
{
    private const string Digest = "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    [Fact]
    public void An_image_is_a_repository_with_a_tag_or_digest_optionally_behind_an_ECR_host()
    {
        Assert.Equal(new ImageArgument(null, null, "my-app/backend", "v1", null), ImageArgument.Parse("my-app/backend:v1", "--source", "ECR7030"));
        Assert.Equal(new ImageArgument(null, null, "app", null, Digest), ImageArgument.Parse("app@" + Digest, "--source", "ECR7030"));
        Assert.Equal(new ImageArgument(null, null, "app", null, null), ImageArgument.Parse("app", "--destination", "ECR7031"));
        Assert.Equal(
            new ImageArgument("222222222222.dkr.ecr.eu-west-1.amazonaws.com", new EcrRegistryHostParts("222222222222", "eu-west-1", false), "team/app", "v2", null),
            ImageArgument.Parse("222222222222.dkr.ecr.eu-west-1.amazonaws.com/team/app:v2", "--destination", "ECR7031"));
    }

    [Theory]
    [InlineData("images copy", "dotnet ecr images copy --source my-app/backend:v1.2.0")]
    [InlineData("images tag", "dotnet ecr images tag --repository-name my-app/backend --source-tag v1.2.0 --tag prod")]
    public async Task Help_describes_the_verb_with_examples(string verb, string example)
    {
        var output = new StringWriter();
        var host = new CliHost(_ => throw new InvalidOperationException("help calls nothing"), output, new StringWriter(), _ => null, 80, TimeZoneInfo.Utc, (_, _) => Task.CompletedTask);

        var exitCode = await new CliApplication(host).RunAsync([.. verb.Split(' '), "--help"], CancellationToken.None);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.StartsWith($"NAME\n    {verb}\n", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("EXAMPLES\n", output.ToString(), StringComparison.Ordinal);
        Assert.Contains(example, output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ECR7030", "images", "copy", "--source", "ghcr.io/owner/app:v1", "--destination", "app:v1")]
    [InlineData("ECR7030", "images", "copy", "--source", "Upper/Case:v1", "--destination", "app:v1")]
    [InlineData("ECR7030", "images", "copy", "--source", "app@sha256:short", "--destination", "app:v1")]
    [InlineData("ECR7031", "images", "copy", "--source", "app:v1", "--destination", "other@" + Digest)]
    [InlineData("ECR7031", "images", "copy", "--source", "app:v1", "--destination", "127.0.0.1:5000/app:v1")]
    [InlineData("ECR7040", "images", "copy", "--source", "app:v1", "--destination", "222222222222.dkr.ecr.eu-west-1.amazonaws.com/app:v1", "--destination-region", "us-east-1")]
    [InlineData("ECR7040", "--region", "eu-west-1", "images", "copy", "--source", "app:v1", "--destination", "222222222222.dkr.ecr.eu-west-1.amazonaws.com/app:v1", "--destination-region", "EU-WEST-2")]
    [InlineData("ECR7038", "images", "tag", "--repository-name", "app", "--tag", "prod")]
    [InlineData("ECR7038", "images", "tag", "--repository-name", "app", "--source-tag", "v1", "--source-digest", Digest, "--tag", "prod")]
    [InlineData("ECR7038", "images", "tag", "--repository-name", "app", "--source-tag", "v1", "--tag", "not a tag")]
    public async Task Bad_command_lines_are_usage_errors_with_their_code_before_any_call(string code, params string[] args)
    {
        var error = new StringWriter();
        var host = new CliHost(_ => throw new InvalidOperationException("a bad command line must not call ECR"), new StringWriter(), error, _ => null, 80, TimeZoneInfo.Utc, (_, _) => Task.CompletedTask);

        var exitCode = await new CliApplication(host).RunAsync(args, CancellationToken.None);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains(code + ":", error.ToString(), StringComparison.Ordinal);
    }
}
