using System.Text.Json.Nodes;
using EcrPublish.Testing;

namespace EcrPublish.LocalEcr.Tests.Support;

/// <summary>
/// Runs a real AWS CLI (v1 or v2) against LocalEcr with <c>--endpoint-url</c>, LocalEcr's credentials and no user
/// configuration (a missing config and credentials file), exactly as a user would type the cheat-sheet commands.
/// </summary>
/// <param name="executable">The CLI to run.</param>
/// <param name="server">The LocalEcr to talk to.</param>
/// <param name="endpointFromEnvironment">Point the CLI at LocalEcr with AWS_ENDPOINT_URL_ECR (the line LocalEcr prints) instead of --endpoint-url.</param>
internal sealed class AwsCli(string executable, LocalEcrServer server, bool endpointFromEnvironment = false)
{
    public string Executable { get; } = executable;

    public static string PathOf(string version) => version == "v1" ? TestEnvironment.AwsCliV1 : TestEnvironment.AwsCliV2;

    /// <summary>Runs <c>aws ecr …</c> and fails the test with the CLI's output unless it exits 0.</summary>
    public async Task<string> RunAsync(params string[] arguments)
    {
        var result = await RunRawAsync(null, arguments);
        Assert.True(result.ExitCode == 0, $"aws {string.Join(' ', arguments)} exited {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");
        return result.StandardOutput;
    }

    public async Task<JsonNode> JsonAsync(params string[] arguments) => JsonNode.Parse(await RunAsync(arguments))!;

    public Task<ProcessResult> RunRawAsync(string? standardInput, params string[] arguments)
    {
        var empty = Path.Combine(TestEnvironment.WorkDirectory, "no-aws-config");
        var environment = new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = server.Options.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = server.Options.SecretAccessKey,
            ["AWS_SESSION_TOKEN"] = null,
            ["AWS_PROFILE"] = null,
            ["AWS_DEFAULT_REGION"] = server.Options.Region,
            ["AWS_REGION"] = server.Options.Region,
            ["AWS_CONFIG_FILE"] = empty,
            ["AWS_SHARED_CREDENTIALS_FILE"] = empty,
            ["AWS_PAGER"] = string.Empty,
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            ["AWS_ENDPOINT_URL_ECR"] = endpointFromEnvironment ? server.Endpoint.GetLeftPart(UriPartial.Authority) : null,
        };
        var all = new List<string> { "ecr" };
        all.AddRange(arguments);
        if (!endpointFromEnvironment)
        {
            all.AddRange(["--endpoint-url", server.Endpoint.GetLeftPart(UriPartial.Authority)]);
        }

        if (!arguments.Contains("--output"))
        {
            all.AddRange(["--output", "json"]);
        }

        return AwsCliRunner.RunAsync(Executable, all, environment, standardInput, timeout: TimeSpan.FromMinutes(2));
    }
}
