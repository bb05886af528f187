using Amazon.Runtime;
using EcrPublish.Aws;
using EcrPublish.Aws.Model;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Aws;

/// <summary>Credential and region resolution with real config/credentials files and environment variables.</summary>
[Collection(ProcessEnvironmentTests.Name)]
public sealed class CredentialChainTests
{
    private const string Credentials = """
        [default]
        aws_access_key_id = AKIADEFAULT000000001
        aws_secret_access_key = default-secret

        [dev]
        aws_access_key_id = AKIAPROFILE000000001
        aws_secret_access_key = profile-secret
        """;

    private const string Config = """
        [default]
        region = us-west-2

        [profile dev]
        region = eu-central-1

        [profile deployer]
        role_arn = arn:aws:iam::123456789012:role/deployer
        source_profile = dev
        role_session_name = ecrpub-test
        region = ap-southeast-2
        """;

    [Fact]
    public async Task Environment_keys_with_session_token_are_used()
    {
        using var environment = new AwsEnvironmentScope();
        environment.Set("AWS_ACCESS_KEY_ID", "AKIAENV0000000000001");
        environment.Set("AWS_SECRET_ACCESS_KEY", "env-secret");
        environment.Set("AWS_SESSION_TOKEN", "env-token");

        var keys = await AwsCredentialsResolver.GetKeysAsync(AwsCredentialsResolver.Resolve(profile: null));

        Assert.Equal(("AKIAENV0000000000001", "env-secret", "env-token"), (keys.AccessKey, keys.SecretKey, keys.Token));
    }

    [Fact]
    public async Task AWS_PROFILE_selects_the_profile_and_its_region_and_default_is_used_without_it()
    {
        using var environment = WithFiles();

        var defaultKeys = await AwsCredentialsResolver.GetKeysAsync(AwsCredentialsResolver.Resolve(null));
        Assert.Equal("AKIADEFAULT000000001", defaultKeys.AccessKey);
        Assert.Equal("us-west-2", AwsRegionResolver.TryResolve(null, null));

        environment.Set("AWS_PROFILE", "dev");
        var profileKeys = await AwsCredentialsResolver.GetKeysAsync(AwsCredentialsResolver.Resolve(null));
        Assert.Equal("AKIAPROFILE000000001", profileKeys.AccessKey);
        Assert.Equal("eu-central-1", AwsRegionResolver.TryResolve(null, null));
    }

    [Fact]
    public async Task Environment_keys_win_over_AWS_PROFILE_but_an_explicit_profile_wins_over_both()
    {
        using var environment = WithFiles();
        environment.Set("AWS_ACCESS_KEY_ID", "AKIAENV0000000000001");
        environment.Set("AWS_SECRET_ACCESS_KEY", "env-secret");
        environment.Set("AWS_PROFILE", "dev");

        Assert.Equal("AKIAENV0000000000001", (await AwsCredentialsResolver.GetKeysAsync(AwsCredentialsResolver.Resolve(null))).AccessKey);
        Assert.Equal("AKIADEFAULT000000001", (await AwsCredentialsResolver.GetKeysAsync(AwsCredentialsResolver.Resolve("default"))).AccessKey);
    }

    [Fact]
    public void Unknown_profile_is_a_coded_error_that_says_what_to_do()
    {
        using var environment = WithFiles();

        var explicitProfile = Assert.Throws<EcrClientException>(() => AwsCredentialsResolver.Resolve("nope"));
        Assert.Equal(AwsClientErrorCodes.ProfileNotFound, explicitProfile.Code);
        Assert.Contains("'nope'", explicitProfile.Message, StringComparison.Ordinal);
        Assert.Contains("aws configure --profile nope", explicitProfile.Message, StringComparison.Ordinal);

        environment.Set("AWS_PROFILE", "nope");
        var fromEnvironment = Assert.Throws<EcrClientException>(() => AwsCredentialsResolver.Resolve(null));
        Assert.Equal(AwsClientErrorCodes.ProfileNotFound, fromEnvironment.Code);
    }

    [Fact]
    public void Missing_credentials_are_a_coded_error_that_says_what_to_do()
    {
        using var environment = new AwsEnvironmentScope();

        var error = Assert.Throws<EcrClientException>(() => AwsCredentialsResolver.Resolve(null));

        Assert.Equal(AwsClientErrorCodes.NoCredentials, error.Code);
        Assert.Contains("aws configure", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sso_profile_without_a_cached_token_says_to_run_aws_sso_login()
    {
        using var environment = WithFiles();
        // Whatever the SDK might try to reach stays on a closed loopback port.
        environment.Set("AWS_ENDPOINT_URL", "http://127.0.0.1:9");
        File.AppendAllText(environment.ConfigFile, """

            [profile sso-dev]
            sso_session = corp
            sso_account_id = 123456789012
            sso_role_name = Deployer
            region = eu-west-3

            [sso-session corp]
            sso_start_url = https://corp.awsapps.com/start
            sso_region = eu-west-1
            """);

        var error = await Assert.ThrowsAsync<EcrClientException>(
            async () => await AwsCredentialsResolver.GetKeysAsync(AwsCredentialsResolver.Resolve("sso-dev"), "sso-dev"));

        Assert.Equal(AwsClientErrorCodes.CredentialsUnavailable, error.Code);
        Assert.Contains("aws sso login --profile sso-dev", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Region_precedence_is_explicit_then_AWS_REGION_then_AWS_DEFAULT_REGION_then_profile()
    {
        using var environment = WithFiles();
        environment.Set("AWS_PROFILE", "dev");
        Assert.Equal("eu-central-1", AwsRegionResolver.TryResolve(null, null));
        Assert.Equal("ap-southeast-2", AwsRegionResolver.TryResolve(null, "deployer"));

        environment.Set("AWS_DEFAULT_REGION", "sa-east-1");
        Assert.Equal("sa-east-1", AwsRegionResolver.TryResolve(null, "deployer"));

        environment.Set("AWS_REGION", "ca-central-1");
        Assert.Equal("ca-central-1", AwsRegionResolver.TryResolve(null, "deployer"));
        Assert.Equal("me-south-1", AwsRegionResolver.TryResolve("me-south-1", "deployer"));
    }

    [Fact]
    public void Missing_region_is_a_coded_error()
    {
        using var environment = new AwsEnvironmentScope();

        var error = Assert.Throws<EcrClientException>(
            () => new EcrApiClient(new EcrClientOptions { Credentials = new BasicAWSCredentials("AKIAEXAMPLE", "secret") }));

        Assert.Equal(AwsClientErrorCodes.NoRegion, error.Code);
        Assert.Contains("AWS_REGION", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assume_role_profile_gets_temporary_keys_from_sts_and_calls_ecr()
    {
        using var environment = WithFiles();
        environment.Set("AWS_ENDPOINT_URL_STS", TestEnvironment.MotoUrl);
        environment.Set("AWS_ENDPOINT_URL_ECR", TestEnvironment.MotoUrl);

        using var client = new EcrApiClient(new EcrClientOptions { Profile = "deployer" });
        var keys = await AwsCredentialsResolver.GetKeysAsync(client.Credentials);
        var registry = await client.DescribeRegistryAsync();

        Assert.Equal("ap-southeast-2", client.Region);
        Assert.Equal(new Uri(TestEnvironment.MotoUrl), client.Endpoint);
        Assert.StartsWith("ASIA", keys.AccessKey, StringComparison.Ordinal); // moto's AssumeRole keys
        Assert.True(keys.UseToken);
        Assert.Equal(MotoClientFactory.Account, registry.RegistryId);
    }

    [Fact]
    public async Task Web_identity_from_the_environment_gets_temporary_keys_from_sts()
    {
        using var environment = new AwsEnvironmentScope();
        var tokenFile = Path.Combine(environment.Directory, "web-identity-token");
        await File.WriteAllTextAsync(tokenFile, "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2lnbmF0dXJl");
        environment.Set("AWS_WEB_IDENTITY_TOKEN_FILE", tokenFile);
        environment.Set("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/ci");
        environment.Set("AWS_ROLE_SESSION_NAME", "ecrpub-ci");
        environment.Set("AWS_REGION", "us-east-1");
        environment.Set("AWS_ENDPOINT_URL_STS", TestEnvironment.MotoUrl);

        var keys = await AwsCredentialsResolver.GetKeysAsync(AwsCredentialsResolver.Resolve(null));

        Assert.StartsWith("ASIA", keys.AccessKey, StringComparison.Ordinal);
        Assert.True(keys.UseToken);
    }

    [Fact]
    public async Task Container_credentials_come_from_the_ECS_endpoint()
    {
        using var environment = new AwsEnvironmentScope();
        await using var ecs = new LoopbackHttpServer((_, _) => new ServerReply(200, $$"""
            {"AccessKeyId":"ASIAECS0000000000001","SecretAccessKey":"ecs-secret","Token":"ecs-token","Expiration":"{{DateTimeOffset.UtcNow.AddHours(6):yyyy-MM-ddTHH:mm:ssZ}}"}
            """, new Dictionary<string, string> { ["Content-Type"] = "application/json" }));
        environment.Set("AWS_CONTAINER_CREDENTIALS_FULL_URI", new Uri(ecs.Url, "v2/credentials/task").ToString());

        var keys = await AwsCredentialsResolver.GetKeysAsync(AwsCredentialsResolver.Resolve(null));

        Assert.Equal(("ASIAECS0000000000001", "ecs-secret", "ecs-token"), (keys.AccessKey, keys.SecretKey, keys.Token));
        Assert.Contains(ecs.Requests, request => request.Target == "/v2/credentials/task");
    }

    [Fact]
    public void Endpoint_precedence_is_explicit_then_service_variable_then_global_variable()
    {
        using var environment = new AwsEnvironmentScope();
        Assert.Equal(new Uri("https://api.ecr.eu-west-1.amazonaws.com"), AwsEndpointResolver.ResolveEcr("eu-west-1", new EcrClientOptions()));
        Assert.Equal(new Uri("https://sts.eu-west-1.amazonaws.com"), AwsEndpointResolver.ResolveSts("eu-west-1", new EcrClientOptions()));

        environment.Set("AWS_USE_FIPS_ENDPOINT", "true");
        Assert.Equal(new Uri("https://api.ecr-fips.us-gov-west-1.amazonaws.com"), AwsEndpointResolver.ResolveEcr("us-gov-west-1", new EcrClientOptions()));
        environment.Set("AWS_USE_FIPS_ENDPOINT", null);

        environment.Set("AWS_ENDPOINT_URL", "http://127.0.0.1:1111");
        Assert.Equal(new Uri("http://127.0.0.1:1111"), AwsEndpointResolver.ResolveEcr("eu-west-1", new EcrClientOptions()));
        Assert.Equal(new Uri("http://127.0.0.1:1111"), AwsEndpointResolver.ResolveSts("eu-west-1", new EcrClientOptions()));

        environment.Set("AWS_ENDPOINT_URL_ECR", "http://127.0.0.1:2222");
        Assert.Equal(new Uri("http://127.0.0.1:2222"), AwsEndpointResolver.ResolveEcr("eu-west-1", new EcrClientOptions()));
        Assert.Equal(new Uri("http://127.0.0.1:1111"), AwsEndpointResolver.ResolveSts("eu-west-1", new EcrClientOptions()));

        var explicitUrl = new Uri("http://127.0.0.1:3333");
        Assert.Equal(explicitUrl, AwsEndpointResolver.ResolveEcr("eu-west-1", new EcrClientOptions { ServiceUrl = explicitUrl }));

        environment.Set("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true");
        Assert.Equal(new Uri("https://api.ecr.eu-west-1.amazonaws.com"), AwsEndpointResolver.ResolveEcr("eu-west-1", new EcrClientOptions()));

        environment.Set("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", null);
        environment.Set("AWS_ENDPOINT_URL_ECR", "not a url");
        var error = Assert.Throws<EcrClientException>(() => AwsEndpointResolver.ResolveEcr("eu-west-1", new EcrClientOptions()));
        Assert.Equal(AwsClientErrorCodes.InvalidEndpoint, error.Code);
    }

    private static AwsEnvironmentScope WithFiles()
    {
        var environment = new AwsEnvironmentScope();
        File.WriteAllText(environment.CredentialsFile, Credentials);
        File.WriteAllText(environment.ConfigFile, Config);
        return environment;
    }
}
