using EcrPublish.Aws;
using Xunit;

namespace EcrPublish.Core.Tests.Aws;

/// <summary>
/// Endpoint templates per partition. The resolver gets an empty environment and config file, so whatever the machine
/// has configured (AWS_ENDPOINT_URL, ~/.aws/config) cannot change the result; precedence is in ConfiguredEndpointTests.
/// </summary>
public sealed class AwsEndpointTemplateTests
{
    [Theory]
    [InlineData("eu-west-1", false, false, "https://api.ecr.eu-west-1.amazonaws.com/")]
    [InlineData("us-east-1", true, false, "https://api.ecr-fips.us-east-1.amazonaws.com/")]
    [InlineData("us-east-1", false, true, "https://ecr.us-east-1.api.aws/")]
    [InlineData("us-east-1", true, true, "https://ecr-fips.us-east-1.api.aws/")]
    [InlineData("cn-north-1", false, false, "https://api.ecr.cn-north-1.amazonaws.com.cn/")]
    [InlineData("cn-north-1", false, true, "https://ecr.cn-north-1.api.amazonwebservices.com.cn/")]
    [InlineData("us-gov-west-1", true, false, "https://api.ecr-fips.us-gov-west-1.amazonaws.com/")]
    [InlineData("us-iso-east-1", false, false, "https://api.ecr.us-iso-east-1.c2s.ic.gov/")]
    [InlineData("us-isob-east-1", false, false, "https://api.ecr.us-isob-east-1.sc2s.sgov.gov/")]
    [InlineData("eusc-de-east-1", false, false, "https://api.ecr.eusc-de-east-1.amazonaws.eu/")]
    public void Ecr_endpoint_follows_the_partition(string region, bool fips, bool dualStack, string expected) =>
        Assert.Equal(expected, AwsEndpointResolver.ResolveEcr(region, new EcrClientOptions { UseFips = fips, UseDualStack = dualStack }, NoEnvironment, EmptyConfig).ToString());

    [Theory]
    [InlineData("eu-west-1", false, "https://sts.eu-west-1.amazonaws.com/")]
    [InlineData("cn-northwest-1", false, "https://sts.cn-northwest-1.amazonaws.com.cn/")]
    [InlineData("us-gov-east-1", true, "https://sts-fips.us-gov-east-1.amazonaws.com/")]
    public void Sts_endpoint_is_regional(string region, bool fips, string expected) =>
        Assert.Equal(expected, AwsEndpointResolver.ResolveSts(region, new EcrClientOptions { UseFips = fips, UseDualStack = false }, NoEnvironment, EmptyConfig).ToString());

    [Fact]
    public void Explicit_url_wins_and_cannot_be_combined_with_fips()
    {
        var url = new Uri("http://127.0.0.1:5000");
        Assert.Equal(url, AwsEndpointResolver.ResolveEcr("eu-west-1", new EcrClientOptions { ServiceUrl = url }, NoEnvironment, EmptyConfig));

        var error = Assert.Throws<EcrClientException>(() => AwsEndpointResolver.ResolveEcr("eu-west-1", new EcrClientOptions { ServiceUrl = url, UseFips = true }, NoEnvironment, EmptyConfig));
        Assert.Equal(AwsClientErrorCodes.InvalidEndpoint, error.Code);
    }

    private static string? NoEnvironment(string name) => null;

    private static AwsConfigFile EmptyConfig(string path) => AwsConfigFile.Parse(string.Empty, path);

    [Theory]
    [InlineData("eu-central-1", "aws")]
    [InlineData("il-central-1", "aws")]
    [InlineData("cn-north-1", "aws-cn")]
    [InlineData("us-gov-west-1", "aws-us-gov")]
    [InlineData("us-iso-east-1", "aws-iso")]
    [InlineData("eu-isoe-west-1", "aws-iso-e")]
    [InlineData("us-isof-south-1", "aws-iso-f")]
    [InlineData("mars-north-1", "aws")]
    public void Regions_map_to_partitions(string region, string partition) => Assert.Equal(partition, AwsPartition.ForRegion(region).Id);
}
