using System.Text.Json;
using EcrPublish.Cli.Execution;
using EcrPublish.Cli.Verbs;
using EcrPublish.Iam;
using Xunit;

namespace EcrPublish.Cli.Tests;

/// <summary><c>iam-policy</c>: the policy for a named repository, the project's settings read as the publish reads them, and the usage errors.</summary>
public sealed class IamPolicyCommandTests
{
    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var host = new CliHost(_ => throw new InvalidOperationException("iam-policy calls no ECR operation"), output, error, _ => null, 80, TimeZoneInfo.Utc, (_, _) => Task.CompletedTask);
        var exitCode = await new CliApplication(host).RunAsync(args, CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Prints_the_default_publish_policy_for_the_named_repository_without_calling_aws()
    {
        var (exitCode, output, error) = await RunAsync("--region", "eu-west-1", "iam-policy", "--repository", "team/api", "--registry-id", "123456789012");

        Assert.True(exitCode == ExitCodes.Success, error);
        Assert.Equal(PublishPolicyDocument.Write(new PublishPermissionSettings(), new EcrRepositoryLocation("123456789012", "eu-west-1", "team/api")) + "\n", output);
        using var document = JsonDocument.Parse(output);
        Assert.Equal("arn:aws:ecr:eu-west-1:123456789012:repository/team/api", document.RootElement.GetProperty("Statement")[1].GetProperty("Resource").GetString());
    }

    [Theory]
    [InlineData("ECR7020", "--region", "eu-west-1", "iam-policy", "--registry-id", "123456789012")]
    [InlineData("ECR7020", "--region", "eu-west-1", "iam-policy", "--repository", "Team/API", "--registry-id", "123456789012")]
    [InlineData("ECR7023", "--region", "eu-west-1", "iam-policy", "--repository", "api", "--registry-id", "12345")]
    [InlineData("ECR7023", "--region", "Europe", "iam-policy", "--repository", "api", "--registry-id", "123456789012")]
    public async Task Bad_command_lines_are_usage_errors_with_their_code(string code, params string[] args)
    {
        var (exitCode, _, error) = await RunAsync(args);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains(code + ":", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--region", "eu-west-1")]
    [InlineData("--region", "eu-west-1", "--profile", "nowhere")]
    public async Task A_bad_endpoint_url_is_the_usage_error_every_other_verb_gives_before_any_call(params string[] globals)
    {
        // The account is missing, so iam-policy must connect: with the same --endpoint-url check as every other verb.
        var (exitCode, _, error) = await RunAsync([.. globals, "--endpoint-url", "localhost:4566", "iam-policy", "--repository", "api"]);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("Bad value for --endpoint-url \"localhost:4566\": scheme is missing.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unset_properties_are_the_publish_defaults()
    {
        Assert.Equal(new PublishPermissionSettings(), PermissionSettingsReader.Read(ProjectPublishSettings.None));
    }

    [Fact]
    public void The_project_properties_switch_the_table_conditions()
    {
        var project = new ProjectPublishSettings(new Dictionary<string, string>
        {
            ["EcrCreateRepository"] = "False",
            ["EcrScan"] = "start",
            ["EcrWaitForSigning"] = "false",
            ["EcrSign"] = "true",
            ["EcrEncryptionType"] = "kms",
            ["EcrKmsKey"] = " alias/images ",
            ["EcrLifecyclePolicyFile"] = "lifecycle.json",
            ["EcrRepositoryPolicyFile"] = "",
            ["ContainerBaseImage"] = "210987654321.dkr.ecr.us-east-1.amazonaws.com/dotnet/aspnet:10.0@sha256:abc",
        }, RepositoryTagCount: 2);

        Assert.Equal(new PublishPermissionSettings
        {
            CreateRepository = false,
            TagsRepository = true,
            SyncsLifecyclePolicy = true,
            SyncsRepositoryPolicy = false,
            StartsScan = true,
            ReadsScanFindings = true,
            WaitsForManagedSigning = false,
            Signs = true,
            KmsEncryption = true,
            KmsKey = "alias/images",
            BaseImage = new EcrRepositoryLocation("210987654321", "us-east-1", "dotnet/aspnet"),
        }, PermissionSettingsReader.Read(project));
    }

    [Theory]
    [InlineData("true", "awskms:///alias/release-signing", "alias/release-signing")]
    [InlineData("true", "arn:aws:kms:us-east-1:111122223333:key/k1", "arn:aws:kms:us-east-1:111122223333:key/k1")]
    [InlineData("true", "keys/signing.pem", null)]
    [InlineData("false", "awskms:///alias/release-signing", null)]
    public void A_kms_signing_key_is_read_only_when_the_publish_signs(string sign, string signingKey, string? keyId)
    {
        var project = new ProjectPublishSettings(new Dictionary<string, string> { ["EcrSign"] = sign, ["EcrSigningKey"] = signingKey }, 0);

        Assert.Equal(keyId, PermissionSettingsReader.Read(project).SigningKmsKey);
    }

    [Theory]
    [InlineData("true", true, false)]
    [InlineData("False", false, false)]
    [InlineData("Template", false, true)]
    public void EcrCreateRepository_decides_between_creating_and_a_creation_template(string value, bool creates, bool onPush)
    {
        var settings = PermissionSettingsReader.Read(new ProjectPublishSettings(new Dictionary<string, string> { ["EcrCreateRepository"] = value }, 0));

        Assert.Equal((creates, onPush), (settings.CreateRepository, settings.CreatesOnPush));
    }

    [Fact]
    public void Exclusion_filter_items_make_the_publish_sync_the_tag_mutability()
    {
        Assert.True(PermissionSettingsReader.Read(new ProjectPublishSettings(new Dictionary<string, string>(), 0, ExclusionFilterCount: 2)).SyncsTagMutabilityExclusions);
        Assert.False(PermissionSettingsReader.Read(ProjectPublishSettings.None).SyncsTagMutabilityExclusions);
    }

    [Theory]
    [InlineData("EcrSigningKey", "awskms://kms.example.com/alias/x", "ECR7022")]
    [InlineData("EcrScan", "Later", "ECR7022")]
    [InlineData("EcrWaitForSigning", "maybe", "ECR7022")]
    [InlineData("EcrCreateRepository", "yes", "ECR7022")]
    [InlineData("EcrEncryptionType", "RSA", "ECR7022")]
    [InlineData("EcrPush", "false", "ECR7024")]
    public void Values_the_publish_refuses_are_refused_here(string property, string value, string code)
    {
        var project = new ProjectPublishSettings(new Dictionary<string, string> { [property] = value, ["EcrSign"] = "true" }, 0);

        var failure = Assert.Throws<EcrPublish.Cli.Arguments.CliUsageException>(() => PermissionSettingsReader.Read(project));

        Assert.StartsWith(code + ":", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mcr.microsoft.com/dotnet/aspnet:10.0", null)]
    [InlineData("aspnet", null)]
    [InlineData("123456789012.dkr.ecr.eu-west-1.amazonaws.com/base", "base")]
    [InlineData("123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/base:1.0", "team/base")]
    public void Only_a_base_image_in_private_ecr_has_a_repository(string image, string? repository) =>
        Assert.Equal(repository, PermissionSettingsReader.BaseImageRepository(image)?.Name);

    [Fact]
    public void Reads_msbuilds_get_property_json()
    {
        const string json = """
            {
              "Properties": { "EcrRepository": "team/api", "EcrScan": "" },
              "Items": {
                "EcrRepositoryTag": [ { "Identity": "Team", "Value": "Backend" }, { "Identity": "Env", "Value": "Prod" } ],
                "EcrImageTagMutabilityExclusionFilter": [ { "Identity": "dev-*" } ]
              }
            }
            """;

        var settings = ProjectSettingsEvaluator.Parse(json, "api.csproj");

        Assert.Equal("team/api", settings.Value("EcrRepository"));
        Assert.Null(settings.Value("EcrScan"));
        Assert.Equal(2, settings.RepositoryTagCount);
        Assert.Equal(1, settings.ExclusionFilterCount);
        Assert.StartsWith("ECR7021:", Assert.Throws<CliConfigurationException>(() => ProjectSettingsEvaluator.Parse("MSBUILD : error MSB1009", "x")).Message, StringComparison.Ordinal);
    }
}
