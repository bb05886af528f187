using EcrPublish.EcrRules;
using Xunit;

namespace EcrPublish.Core.Tests.EcrRules;

/// <summary>The account and region an ECR registry host names, as the SDK's ContainerRegistry carries them.</summary>
public sealed class EcrRegistryHostNameTests
{
    [Theory]
    [InlineData("123456789012.dkr.ecr.eu-west-1.amazonaws.com", "123456789012", "eu-west-1", false)]
    [InlineData("123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com", "123456789012", "us-gov-west-1", true)]
    [InlineData("123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn", "123456789012", "cn-north-1", false)]
    [InlineData("123456789012.DKR.ECR.US-EAST-1.AMAZONAWS.COM:443", "123456789012", "us-east-1", false)]
    [InlineData("123456789012.dkr.ecr.us-east-1.on.aws", "123456789012", "us-east-1", false)]
    public void Ecr_hosts_give_their_account_and_region(string host, string registryId, string region, bool fips) =>
        Assert.Equal(new EcrRegistryHostParts(registryId, region, fips), EcrRegistryHostName.Parse(host));

    [Theory]
    [InlineData("ghcr.io")]
    [InlineData("public.ecr.aws")]
    [InlineData("localhost:5000")]
    [InlineData("12345.dkr.ecr.us-east-1.amazonaws.com")]
    [InlineData("123456789012.dkr.ecr.us-east-1.amazonaws.com.evil.example")]
    [InlineData("123456789012.dkr.ecr.us-east-1.amazonaws.com/app")]
    public void Other_hosts_are_not_ecr(string host) => Assert.Null(EcrRegistryHostName.Parse(host));
}
