using EcrPublish.Cli.Execution;
using Xunit;

namespace EcrPublish.Cli.Tests;

/// <summary><c>dotnet ecr lifecycle preview</c> on a saved describe-images output: offline, no AWS configuration.</summary>
public sealed class LifecyclePreviewCommandTests : IDisposable
{
    private const string Policy = """
        {"rules":[
          {"rulePriority":1,"description":"Keep only 1 dev image","selection":{"tagStatus":"tagged","tagPrefixList":["dev-"],"countType":"imageCountMoreThan","countNumber":1},"action":{"type":"expire"}},
          {"rulePriority":2,"description":"Expire untagged images older than 1 day","selection":{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days","countNumber":1},"action":{"type":"expire"}}
        ]}
        """;

    // AWS CLI v2 output (ISO text) and v1 output (epoch seconds) both load.
    private const string Snapshot = """
        {"imageDetails":[
          {"imageDigest":"sha256:1111111111111111111111","imageTags":["dev-1"],"imagePushedAt":"2024-01-01T10:00:00+00:00"},
          {"imageDigest":"sha256:2222222222222222222222","imageTags":["dev-2"],"imagePushedAt":"2024-01-02T10:00:00+00:00"},
          {"imageDigest":"sha256:3333333333333333333333","imageTags":["v1.0.0"],"imagePushedAt":1704103200},
          {"imageDigest":"sha256:4444444444444444444444","imagePushedAt":"2024-01-01T09:00:00+00:00"},
          {"imageDigest":"sha256:5555555555555555555555","imagePushedAt":"2099-01-01T09:00:00+00:00"}
        ]}
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("ecr-cli-lifecycle-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Lists_what_would_expire_and_by_which_rule()
    {
        var (exitCode, output) = await RunAsync("lifecycle", "preview", "--policy", Write("policy.json", Policy), "--images", "file://" + Write("images.json", Snapshot));

        Assert.Equal(0, exitCode);
        Assert.Equal(
            "IMAGE                TAGS        PUSHED (UTC)      ACTION  RULE\n" +
            "sha256:111111111111  dev-1       2024-01-01 10:00  expire  1 Keep only 1 dev image\n" +
            "sha256:444444444444  <untagged>  2024-01-01 09:00  expire  2 Expire untagged images older than 1 day\n" +
            "2 of 5 images would expire.\n",
            output);
    }

    [Fact]
    public async Task An_invalid_policy_is_a_usage_error_with_the_validator_codes()
    {
        var (exitCode, output) = await RunAsync("lifecycle", "preview", "--policy", Write("policy.json", """{"rules":[]}"""), "--images", Write("images.json", Snapshot));

        Assert.Equal(252, exitCode);
        Assert.Contains("ECR4101", output, StringComparison.Ordinal);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var host = new CliHost(
            _ => throw new InvalidOperationException("a snapshot preview must not call ECR"),
            output, error, _ => null, 80, TimeZoneInfo.Utc, (_, _) => Task.CompletedTask);
        var exitCode = await new CliApplication(host).RunAsync(args, CancellationToken.None);
        return (exitCode, output.ToString() + error);
    }
}
