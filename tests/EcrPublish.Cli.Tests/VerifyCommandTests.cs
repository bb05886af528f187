using EcrPublish.Cli.Execution;
using EcrPublish.Cli.Verbs;
using Xunit;

namespace EcrPublish.Cli.Tests;

/// <summary><c>verify</c>'s command line: the IMAGE forms and the usage errors it reports before calling anything.</summary>
public sealed class VerifyCommandTests
{
    [Theory]
    [InlineData("my-app/backend:v1", null, "my-app/backend", "v1", false)]
    [InlineData("app", null, "app", "latest", false)]
    [InlineData("app@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", null, "app", "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false)]
    [InlineData("123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app:v2", "123456789012.dkr.ecr.eu-west-1.amazonaws.com", "team/app", "v2", false)]
    [InlineData("http://127.0.0.1:5000/app:v3", "127.0.0.1:5000", "app", "v3", true)]
    [InlineData("https://localhost/app", "localhost", "app", "latest", false)]
    public void The_image_is_a_repository_in_the_credentials_registry_or_names_its_registry(string image, string? registry, string repository, string reference, bool plainHttp) =>
        Assert.Equal(new VerifyTarget(registry, repository, reference, plainHttp), VerifyTarget.Parse(image));

    [Theory]
    [InlineData("ECR7007", "verify")]
    [InlineData("ECR7007", "verify", "--key", "k.pem")]
    [InlineData("ECR7007", "verify", "Upper/Case")]
    [InlineData("ECR7010", "verify", "app", "--key", "k.pem", "--certificate", "c.pem")]
    [InlineData("ECR7008", "verify", "app", "--key", "/nonexistent/k.pem")]
    [InlineData("ECR7009", "verify", "app", "--certificate", "/nonexistent/c.pem")]
    [InlineData("ECR7011", "verify", "app", "--require", "signature")]
    [InlineData("ECR7011", "verify", "app", "--require", "sbom,attestation")]
    public async Task Bad_command_lines_are_usage_errors_with_their_code_before_any_call(string code, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var host = new CliHost(_ => throw new InvalidOperationException("verify must not call ECR for a bad command line"), output, error, _ => null, 80, TimeZoneInfo.Utc, (_, _) => Task.CompletedTask);

        var exitCode = await new CliApplication(host).RunAsync(args, CancellationToken.None);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains(code + ":", error.ToString(), StringComparison.Ordinal);
    }
}
