using System.Text.Json;
using System.Text.RegularExpressions;
using EcrPublish.LocalEcr;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Package;

/// <summary>
/// The README's publish commands, read from the README itself and run exactly as written on a copy of samples/HelloApi
/// laid out as in the recipes (src/HelloApi), against LocalEcr: the quick start with its AWS profile, and the CI
/// recipes' command with each CI's variables.
/// </summary>
public sealed partial class ReadmeCommandTests(PackageFixture package) : IClassFixture<PackageFixture>
{
    public static TheoryData<string> CiSystems => ["GitHub Actions", "GitLab CI", "Azure Pipelines", "AWS CodeBuild"];

    [Fact]
    public async Task The_quick_start_command_publishes_with_the_profile_and_region_it_names()
    {
        var command = Assert.Single(ReadmeCommands(), line => line.Contains("-p:EcrProfile=", StringComparison.Ordinal));
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions { Region = "eu-west-1" });
        var checkout = await CheckoutAsync("readme-quickstart");
        var profile = ProfileName().Match(command).Groups["name"].Value;
        var environment = ConfigFiles(checkout, localEcr, profile);

        var result = await RunAsync(command, Path.Combine(checkout, "src", "HelloApi"), environment);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains($"EcrPublish: {localEcr.RegistryHost}/helloapi@sha256:", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(1, localEcr.CallCount("CreateRepository"));
    }

    [Theory]
    [MemberData(nameof(CiSystems))]
    public async Task The_CI_recipes_command_publishes_with_the_variables_of(string ciSystem)
    {
        var command = Assert.Single(ReadmeCommands().Where(line => line.Contains("src/HelloApi", StringComparison.Ordinal)).Distinct());
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions { Region = "eu-west-1" });
        var checkout = await CheckoutAsync("readme-ci-" + ciSystem.Split(' ')[0].ToLowerInvariant());
        var sha = (await ProcessRunner.RunAsync("git", ["rev-parse", "HEAD"], workingDirectory: checkout)).EnsureSuccess().StandardOutput.Trim();
        var environment = ConfigFiles(checkout, localEcr, profile: null);
        environment["AWS_REGION"] = "eu-west-1";
        environment["AWS_ENDPOINT_URL"] = localEcr.Endpoint.ToString();
        foreach (var (name, value) in CiVariables(ciSystem, sha, checkout))
        {
            environment[name] = value;
        }

        var result = await RunAsync(command, checkout, environment);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains($"EcrPublish: {localEcr.RegistryHost}/helloapi@sha256:", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"tags v1.0.0, {sha[..7]}, v1.0.0-{sha[..7]}, latest", result.StandardOutput, StringComparison.Ordinal);
        // The repository scans on push: the build waited for the scan before passing the HIGH gate.
        Assert.Contains("EcrPublish: scan COMPLETE", result.StandardOutput, StringComparison.Ordinal);
        if (ciSystem == "GitHub Actions")
        {
            Assert.Contains($"image={localEcr.RegistryHost}/helloapi@sha256:", await File.ReadAllTextAsync(environment["GITHUB_OUTPUT"]!), StringComparison.Ordinal);
        }
    }

    // Every 'dotnet publish' line inside the README's code blocks (shell lines, YAML 'run:'/list items/'inlineScript:').
    private static List<string> ReadmeCommands()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var commands = CodeBlock().Matches(readme)
            .SelectMany(block => CommandLine().Matches(block.Value).Select(match => match.Groups["command"].Value.Trim()))
            .ToList();
        Assert.NotEmpty(commands);
        return commands;
    }

    private static IEnumerable<(string Name, string? Value)> CiVariables(string ciSystem, string sha, string checkout) => ciSystem switch
    {
        "GitHub Actions" => [("GITHUB_ACTIONS", "true"), ("GITHUB_RUN_NUMBER", "42"), ("GITHUB_SHA", sha), ("GITHUB_REF_NAME", "main"),
            ("GITHUB_OUTPUT", Path.Combine(checkout, "github-output")), ("GITHUB_STEP_SUMMARY", Path.Combine(checkout, "github-summary"))],
        "GitLab CI" => [("GITLAB_CI", "true"), ("CI_PIPELINE_IID", "42"), ("CI_COMMIT_SHA", sha), ("CI_COMMIT_REF_NAME", "main")],
        "Azure Pipelines" => [("TF_BUILD", "True"), ("BUILD_BUILDNUMBER", "42"), ("BUILD_SOURCEVERSION", sha), ("BUILD_SOURCEBRANCHNAME", "main")],
        "AWS CodeBuild" => [("CODEBUILD_BUILD_ID", "helloapi:1"), ("CODEBUILD_BUILD_NUMBER", "42"), ("CODEBUILD_RESOLVED_SOURCE_VERSION", sha)],
        _ => throw new ArgumentOutOfRangeException(nameof(ciSystem)),
    };

    // The recipes' layout: the sample at src/HelloApi of a git repository, restoring EcrPublish from the test feed.
    private async Task<string> CheckoutAsync(string name)
    {
        var checkout = Path.Combine(package.WorkDirectory, name);
        var project = Directory.CreateDirectory(Path.Combine(checkout, "src", "HelloApi")).FullName;
        var sample = Path.Combine(RepositoryRoot.Path, "samples", "HelloApi");
        foreach (var file in new[] { "HelloApi.csproj", "Program.cs" })
        {
            File.Copy(Path.Combine(sample, file), Path.Combine(project, file));
        }

        await File.WriteAllTextAsync(Path.Combine(checkout, "Directory.Build.props"), $"""
            <Project>
              <PropertyGroup>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <Version>1.0.0</Version>
                <EcrPublishVersion>{package.Version}</EcrPublishVersion>
              </PropertyGroup>
            </Project>
            """);
        await package.WriteNuGetConfigAsync(checkout);
        await File.WriteAllTextAsync(Path.Combine(checkout, ".gitignore"), "bin/\nobj/\n*-output\n*-summary\naws/\n");
        foreach (var git in new[] { new[] { "init", "-q" }, ["add", "-A"], ["-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "initial"] })
        {
            (await ProcessRunner.RunAsync("git", git, workingDirectory: checkout)).EnsureSuccess();
        }

        return checkout;
    }

    // AWS config and credential files as a developer has them: a named profile for the quick start, default otherwise.
    private static Dictionary<string, string?> ConfigFiles(string checkout, LocalEcrServer localEcr, string? profile)
    {
        var directory = Directory.CreateDirectory(Path.Combine(checkout, "aws")).FullName;
        var section = profile is null ? "default" : profile;
        File.WriteAllText(Path.Combine(directory, "config"), $"[{(profile is null ? "default" : "profile " + profile)}]\nregion = {localEcr.Options.Region}\nendpoint_url = {localEcr.Endpoint}\n");
        File.WriteAllText(Path.Combine(directory, "credentials"), $"[{section}]\naws_access_key_id = {localEcr.Options.AccessKeyId}\naws_secret_access_key = {localEcr.Options.SecretAccessKey}\n");
        return new Dictionary<string, string?>
        {
            ["AWS_CONFIG_FILE"] = Path.Combine(directory, "config"),
            ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(directory, "credentials"),
            ["AWS_ACCESS_KEY_ID"] = null,
            ["AWS_SECRET_ACCESS_KEY"] = null,
            ["AWS_REGION"] = null,
            ["AWS_DEFAULT_REGION"] = null,
            ["AWS_PROFILE"] = null,
            ["AWS_ENDPOINT_URL"] = null,
            ["AWS_ENDPOINT_URL_ECR"] = null,
            // The test registry's base image instead of mcr.microsoft.com (nothing leaves the machine); MSBuild reads
            // environment variables as properties, so the command itself stays as the README writes it.
            ["ContainerBaseImage"] = TestEnvironment.AspNetBaseImage,
        };
    }

    private Task<ProcessResult> RunAsync(string command, string workingDirectory, Dictionary<string, string?> environment)
    {
        var childEnvironment = DotnetEnvironment.Clean(package.PackagesDirectory);
        foreach (var (name, value) in environment)
        {
            childEnvironment[name] = value;
        }

        var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("dotnet", words[0]);
        return ProcessRunner.RunAsync("dotnet", [.. words[1..], "-nodeReuse:false"], childEnvironment, workingDirectory: workingDirectory, timeout: TimeSpan.FromMinutes(5));
    }

    [GeneratedRegex(@"^```[a-z]*\n.*?^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"^\s*(?:-\s+|run:\s+|inlineScript:\s+)?(?<command>dotnet publish [^\n#]*)", RegexOptions.Multiline)]
    private static partial Regex CommandLine();

    [GeneratedRegex(@"-p:EcrProfile=(?<name>\S+)")]
    private static partial Regex ProfileName();
}
