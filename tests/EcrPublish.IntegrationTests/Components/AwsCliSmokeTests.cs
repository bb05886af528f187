using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Components;

/// <summary>Both AWS CLIs the differential tests compare against are present, each the major version we mean.</summary>
public sealed class AwsCliSmokeTests
{
    [Theory]
    [InlineData("ECRPUB_AWS_V2", "aws-cli/2.")]
    [InlineData("ECRPUB_AWS_V1", "aws-cli/1.")]
    public async Task Aws_cli_reports_its_major_version(string variable, string expectedPrefix)
    {
        var result = (await ProcessRunner.RunAsync(TestEnvironment.Require(variable), ["--version"])).EnsureSuccess();

        // v1 prints its version on stderr, v2 on stdout.
        var printed = result.Output.Trim();
        Assert.StartsWith(expectedPrefix, printed, StringComparison.Ordinal);
    }
}
