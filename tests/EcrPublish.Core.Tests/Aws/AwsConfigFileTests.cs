using EcrPublish.Aws;
using Xunit;

namespace EcrPublish.Core.Tests.Aws;

/// <summary>The shared config file read like botocore: profiles, services sections, nested blocks, comments.</summary>
public sealed class AwsConfigFileTests
{
    private const string Text = """
        # a comment
        [default]
        region = us-west-2
        endpoint_url = http://127.0.0.1:1000

        [profile  dev]
        ; another comment
        Services = local
        ENDPOINT_URL: http://127.0.0.1:2000

        [services local]
        ecr =
          endpoint_url = http://127.0.0.1:3000
          # nested comment
        sts =
            endpoint_url = http://127.0.0.1:4000
        s3_thing = not nested
        """;

    [Fact]
    public void Profiles_are_found_by_name_with_keys_lower_cased()
    {
        var config = AwsConfigFile.Parse(Text);

        Assert.Equal("http://127.0.0.1:1000", config.Profile("default")?["endpoint_url"]);
        Assert.Equal("local", config.Profile("dev")?["services"]);
        Assert.Equal("http://127.0.0.1:2000", config.Profile("dev")?["endpoint_url"]);
        Assert.Null(config.Profile("nope"));
        Assert.Null(config.ServicesSection("dev"));
    }

    [Fact]
    public void Indented_lines_under_an_empty_key_are_nested_settings()
    {
        var services = AwsConfigFile.Parse(Text).ServicesSection("local");

        Assert.NotNull(services);
        Assert.Equal("http://127.0.0.1:3000", services["ecr.endpoint_url"]);
        Assert.Equal("http://127.0.0.1:4000", services["sts.endpoint_url"]);
        Assert.Equal("not nested", services["s3_thing"]);
        Assert.False(services.ContainsKey("endpoint_url"));
    }

    [Fact]
    public void Profile_default_section_wins_over_the_bare_default_section()
    {
        var config = AwsConfigFile.Parse("""
            [default]
            endpoint_url = http://127.0.0.1:1000
            [profile default]
            endpoint_url = http://127.0.0.1:5000
            """);

        Assert.Equal("http://127.0.0.1:5000", config.Profile("default")?["endpoint_url"]);
    }

    [Fact]
    public void A_missing_file_is_an_empty_configuration()
    {
        var config = AwsConfigFile.Load(Path.Combine(Path.GetTempPath(), "ecrpub-no-such-dir-" + Guid.NewGuid().ToString("N"), "config"));

        Assert.Null(config.Profile("default"));
    }
}
