using EcrPublish.Aws;
using Xunit;

namespace EcrPublish.Core.Tests.Aws;

/// <summary>
/// Endpoint precedence of the AWS CLI v2: explicit URL, AWS_ENDPOINT_URL_&lt;SERVICE&gt;, AWS_ENDPOINT_URL, the
/// profile's services section, the profile's endpoint_url, then the default; and the ignore switches. The environment
/// and the config file are given to the resolver, so nothing here touches the process.
/// </summary>
public sealed class ConfiguredEndpointTests
{
    private const string Config = """
        [default]
        endpoint_url = http://127.0.0.1:1001

        [profile dev]
        services = local-dev
        endpoint_url = http://127.0.0.1:1002

        [profile ecr-only]
        services = ecr-only
        endpoint_url = http://127.0.0.1:1003

        [profile offline-ignored]
        endpoint_url = http://127.0.0.1:1004
        ignore_configured_endpoint_urls = true

        [profile broken]
        services = missing

        [profile bad-url]
        endpoint_url = 127.0.0.1:1005

        [services local-dev]
        ecr =
          endpoint_url = http://127.0.0.1:2001
        sts =
          endpoint_url = http://127.0.0.1:2002
        kms =
          endpoint_url = http://127.0.0.1:2004

        [services ecr-only]
        ecr =
          endpoint_url = http://127.0.0.1:2003
        """;

    private readonly Dictionary<string, string?> environment = new(StringComparer.Ordinal);

    [Fact]
    public void Services_section_is_used_for_each_service_and_beats_the_profile_endpoint_url()
    {
        Assert.Equal("http://127.0.0.1:2001/", Ecr(profile: "dev"));
        Assert.Equal("http://127.0.0.1:2002/", Sts(profile: "dev"));
    }

    [Fact]
    public void KMS_takes_AWS_ENDPOINT_URL_KMS_then_AWS_ENDPOINT_URL_then_the_profile_and_else_none()
    {
        Assert.Equal("http://127.0.0.1:2004/", Kms("dev"));
        Assert.Equal("http://127.0.0.1:1003/", Kms("ecr-only"));
        Assert.Null(AwsEndpointResolver.ConfiguredKms("offline-ignored", Read, Load));
        Assert.Null(AwsEndpointResolver.ConfiguredKms("no-such-profile", Read, Load));

        environment["AWS_ENDPOINT_URL"] = "http://127.0.0.1:3001";
        Assert.Equal("http://127.0.0.1:3001/", Kms("dev"));

        environment["AWS_ENDPOINT_URL_KMS"] = "http://127.0.0.1:3004";
        Assert.Equal("http://127.0.0.1:3004/", Kms("dev"));
        Assert.Equal("http://127.0.0.1:3001/", Ecr(profile: "dev"));

        environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true";
        Assert.Null(AwsEndpointResolver.ConfiguredKms("dev", Read, Load));
    }

    [Fact]
    public void Profile_endpoint_url_applies_to_services_the_services_section_does_not_name()
    {
        Assert.Equal("http://127.0.0.1:2003/", Ecr(profile: "ecr-only"));
        Assert.Equal("http://127.0.0.1:1003/", Sts(profile: "ecr-only"));
    }

    [Fact]
    public void Profile_is_the_explicit_one_then_AWS_PROFILE_then_default()
    {
        Assert.Equal("http://127.0.0.1:1001/", Ecr());

        environment["AWS_PROFILE"] = "dev";
        Assert.Equal("http://127.0.0.1:2001/", Ecr());
        Assert.Equal("http://127.0.0.1:2003/", Ecr(profile: "ecr-only"));
    }

    [Fact]
    public void Environment_variables_beat_the_config_file_and_the_service_variable_beats_the_global_one()
    {
        environment["AWS_ENDPOINT_URL"] = "http://127.0.0.1:3001";
        Assert.Equal("http://127.0.0.1:3001/", Ecr(profile: "dev"));
        Assert.Equal("http://127.0.0.1:3001/", Sts(profile: "dev"));

        environment["AWS_ENDPOINT_URL_ECR"] = "http://127.0.0.1:3002";
        environment["AWS_ENDPOINT_URL_STS"] = "http://127.0.0.1:3003";
        Assert.Equal("http://127.0.0.1:3002/", Ecr(profile: "dev"));
        Assert.Equal("http://127.0.0.1:3003/", Sts(profile: "dev"));
    }

    [Fact]
    public void Explicit_urls_beat_everything_configured()
    {
        environment["AWS_ENDPOINT_URL_ECR"] = "http://127.0.0.1:3002";
        var options = new EcrClientOptions
        {
            Profile = "dev",
            ServiceUrl = new Uri("http://127.0.0.1:4001"),
            StsServiceUrl = new Uri("http://127.0.0.1:4002"),
        };

        Assert.Equal("http://127.0.0.1:4001/", AwsEndpointResolver.ResolveEcr("eu-west-1", options, Read, Load).ToString());
        Assert.Equal("http://127.0.0.1:4002/", AwsEndpointResolver.ResolveSts("eu-west-1", options, Read, Load).ToString());
    }

    [Fact]
    public void AWS_IGNORE_CONFIGURED_ENDPOINT_URLS_ignores_variables_and_file_but_not_explicit_urls()
    {
        environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true";
        environment["AWS_ENDPOINT_URL_ECR"] = "http://127.0.0.1:3002";

        Assert.Equal("https://api.ecr.eu-west-1.amazonaws.com/", Ecr(profile: "dev"));
        Assert.Equal("https://sts.eu-west-1.amazonaws.com/", Sts(profile: "dev"));
        var options = new EcrClientOptions { Profile = "dev", ServiceUrl = new Uri("http://127.0.0.1:4001") };
        Assert.Equal("http://127.0.0.1:4001/", AwsEndpointResolver.ResolveEcr("eu-west-1", options, Read, Load).ToString());
    }

    [Fact]
    public void Profile_ignore_setting_ignores_variables_too_unless_the_variable_says_false()
    {
        environment["AWS_ENDPOINT_URL"] = "http://127.0.0.1:3001";
        Assert.Equal("https://api.ecr.eu-west-1.amazonaws.com/", Ecr(profile: "offline-ignored"));

        environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "false";
        Assert.Equal("http://127.0.0.1:3001/", Ecr(profile: "offline-ignored"));
        environment["AWS_ENDPOINT_URL"] = null;
        Assert.Equal("http://127.0.0.1:1004/", Ecr(profile: "offline-ignored"));
    }

    [Fact]
    public void A_profile_that_names_a_missing_services_section_is_a_coded_error()
    {
        var error = Assert.Throws<EcrClientException>(() => Ecr(profile: "broken"));

        Assert.Equal(AwsClientErrorCodes.InvalidEndpoint, error.Code);
        Assert.Contains("[services missing]", error.Message, StringComparison.Ordinal);
        Assert.Contains("/test/config", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_url_that_is_not_http_is_a_coded_error_naming_where_it_came_from()
    {
        var fromFile = Assert.Throws<EcrClientException>(() => Ecr(profile: "bad-url"));
        Assert.Equal(AwsClientErrorCodes.InvalidEndpoint, fromFile.Code);
        Assert.Contains("endpoint_url of the profile 'bad-url'", fromFile.Message, StringComparison.Ordinal);

        environment["AWS_ENDPOINT_URL_ECR"] = "not a url";
        var fromVariable = Assert.Throws<EcrClientException>(() => Ecr(profile: "dev"));
        Assert.Contains("AWS_ENDPOINT_URL_ECR", fromVariable.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_any_configuration_the_partition_endpoint_is_used_and_the_config_file_path_follows_AWS_CONFIG_FILE()
    {
        string? readPath = null;
        environment["AWS_CONFIG_FILE"] = "/elsewhere/config";

        var endpoint = AwsEndpointResolver.ResolveEcr("cn-north-1", new EcrClientOptions(), Read, path =>
        {
            readPath = path;
            return AwsConfigFile.Parse(string.Empty, path);
        });

        Assert.Equal("https://api.ecr.cn-north-1.amazonaws.com.cn/", endpoint.ToString());
        Assert.Equal("/elsewhere/config", readPath);
    }

    private string Ecr(string? profile = null) =>
        AwsEndpointResolver.ResolveEcr("eu-west-1", new EcrClientOptions { Profile = profile }, Read, Load).ToString();

    private string Sts(string? profile = null) =>
        AwsEndpointResolver.ResolveSts("eu-west-1", new EcrClientOptions { Profile = profile }, Read, Load).ToString();

    private string? Kms(string profile) => AwsEndpointResolver.ConfiguredKms(profile, Read, Load)?.ToString();

    private string? Read(string name) => environment.GetValueOrDefault(name);

    private static AwsConfigFile Load(string path) => AwsConfigFile.Parse(Config, "/test/config");
}
