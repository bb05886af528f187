using System.Text;
using Amazon.Runtime;
using EcrPublish.Aws;
using EcrPublish.IntegrationTests.Cli;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Aws;

/// <summary>
/// Endpoints configured in the shared config file (a profile's <c>[services]</c> section or <c>endpoint_url</c>) and the
/// STS endpoint variables, against moto: ECR calls and STS GetCallerIdentity (the account lookup) go where the AWS CLI
/// would send them, in process and through the built <c>dotnet ecr</c>.
/// </summary>
[Collection(ProcessEnvironmentTests.Name)]
public sealed class ConfiguredEndpointMotoTests
{
    private const string MotoCredentials = """
        [moto]
        aws_access_key_id = AKIAMOTOPROFILE00001
        aws_secret_access_key = moto-profile-secret

        [plain]
        aws_access_key_id = AKIAMOTOPROFILE00002
        aws_secret_access_key = moto-profile-secret
        """;

    [Fact]
    public async Task A_services_section_sends_ECR_and_STS_calls_of_the_profile_to_moto()
    {
        using var environment = WithMotoProfiles();

        using var client = new EcrApiClient(new EcrClientOptions { Profile = "moto" });

        Assert.Equal(new Uri(TestEnvironment.MotoUrl), client.Endpoint);
        Assert.Equal(new Uri(TestEnvironment.MotoUrl), AwsEndpointResolver.ResolveSts(client.Region, client.Options));
        Assert.Equal("eu-north-1", client.Region);
        Assert.Equal(MotoClientFactory.Account, (await client.DescribeRegistryAsync()).RegistryId);
        Assert.Equal(MotoClientFactory.Account, await client.ResolveAccountIdAsync(null));
    }

    [Fact]
    public async Task A_profile_endpoint_url_selected_by_AWS_PROFILE_serves_both_ECR_and_STS()
    {
        using var environment = WithMotoProfiles();
        environment.Set("AWS_PROFILE", "plain");

        using var client = new EcrApiClient();
        Assert.Equal(new Uri(TestEnvironment.MotoUrl), client.Endpoint);
        Assert.Equal(new Uri(TestEnvironment.MotoUrl), AwsEndpointResolver.ResolveSts(client.Region, client.Options));

        var identity = await client.GetCallerIdentityAsync();

        Assert.Equal(MotoClientFactory.Account, identity.Account);
        Assert.StartsWith($"arn:aws:sts::{MotoClientFactory.Account}:", identity.Arn, StringComparison.Ordinal);
        Assert.Equal(MotoClientFactory.Account, (await client.DescribeRegistryAsync()).RegistryId);
    }

    [Fact]
    public async Task GetCallerIdentity_goes_to_AWS_ENDPOINT_URL_STS_then_AWS_ENDPOINT_URL_while_ECR_keeps_its_explicit_url()
    {
        using var environment = new AwsEnvironmentScope();
        await using var sts = MotoForwarder.Start();
        using var client = new EcrApiClient(new EcrClientOptions
        {
            Region = "eu-west-1",
            ServiceUrl = new Uri(TestEnvironment.MotoUrl),
            Credentials = new BasicAWSCredentials("AKIAMOTOEXAMPLE00001", "moto-secret-key"),
        });

        environment.Set("AWS_ENDPOINT_URL_STS", sts.Url.ToString());
        Assert.Equal(MotoClientFactory.Account, await client.ResolveAccountIdAsync(null));

        environment.Set("AWS_ENDPOINT_URL_STS", null);
        environment.Set("AWS_ENDPOINT_URL", sts.Url.ToString());
        Assert.Equal(MotoClientFactory.Account, (await client.GetCallerIdentityAsync()).Account);

        Assert.Equal(2, sts.Requests.Count);
        Assert.All(sts.Requests, request =>
        {
            Assert.Equal("Action=GetCallerIdentity&Version=2011-06-15", Encoding.ASCII.GetString(request.Body));
            Assert.Contains("/eu-west-1/sts/aws4_request", request.Header("Authorization"), StringComparison.Ordinal);
        });
        Assert.Equal(new Uri(TestEnvironment.MotoUrl), client.Endpoint);
    }

    [Fact]
    public async Task Dotnet_ecr_and_the_AWS_CLI_reach_moto_through_the_same_services_section()
    {
        using var environment = WithMotoProfiles();
        var child = ChildProcessAwsEnvironment.Create();
        child["AWS_CONFIG_FILE"] = environment.ConfigFile;
        child["AWS_SHARED_CREDENTIALS_FILE"] = environment.CredentialsFile;
        child["AWS_PAGER"] = string.Empty;
        // Should the config file be ignored, the default endpoint must fail here rather than leave the machine.
        child["HTTPS_PROXY"] = "http://127.0.0.1:9";
        child["NO_PROXY"] = "127.0.0.1";

        var net = await ProcessRunner.RunAsync("dotnet", [CliParityRunner.DotnetEcrAssembly, "--profile", "moto", "describe-registry"], child, timeout: TimeSpan.FromMinutes(2));
        // AWS CLI v1 runs the machine's newest botocore, which reads [services] sections (the Debian v2 predates them).
        var aws = await AwsCliRunner.RunAsync(TestEnvironment.AwsCliV1, ["--profile", "moto", "ecr", "describe-registry"], child, timeout: TimeSpan.FromMinutes(2));

        Assert.True(net.ExitCode == 0, "dotnet ecr: " + net.StandardError);
        Assert.True(aws.ExitCode == 0, "aws: " + aws.StandardError);
        Assert.Contains($"\"registryId\": \"{MotoClientFactory.Account}\"", net.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"\"registryId\": \"{MotoClientFactory.Account}\"", aws.StandardOutput, StringComparison.Ordinal);
    }

    private static AwsEnvironmentScope WithMotoProfiles()
    {
        var environment = new AwsEnvironmentScope();
        File.WriteAllText(environment.CredentialsFile, MotoCredentials);
        File.WriteAllText(environment.ConfigFile, $"""
            [profile moto]
            region = eu-north-1
            services = local-moto

            [profile plain]
            region = eu-north-1
            endpoint_url = {TestEnvironment.MotoUrl}

            [services local-moto]
            ecr =
              endpoint_url = {TestEnvironment.MotoUrl}
            sts =
              endpoint_url = {TestEnvironment.MotoUrl}
            """);
        return environment;
    }
}
