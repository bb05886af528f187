using EcrPublish.Publishing;
using Xunit;

namespace EcrPublish.Core.Tests.Publishing;

/// <summary>Which ECR token each registry host gets (<see cref="EcrTokenScope"/>): ECR tokens are regional.</summary>
public sealed class EcrTokenScopeTests
{
    [Fact]
    public void A_host_the_publish_pushes_to_gets_the_own_token_even_when_it_is_an_ecr_host()
    {
        Assert.Same(EcrTokenScope.Own, EcrTokenScope.For("127.0.0.1:5000", ["127.0.0.1:5000"]));
        Assert.Same(EcrTokenScope.Own, EcrTokenScope.For("123456789012.DKR.ECR.eu-west-1.amazonaws.com", ["123456789012.dkr.ecr.eu-west-1.amazonaws.com"]));
    }

    [Fact]
    public void Another_ecr_registry_gets_a_token_of_its_own_account_and_region()
    {
        Assert.Equal(new EcrTokenScope("111122223333", "us-west-2", false), EcrTokenScope.For("111122223333.dkr.ecr.us-west-2.amazonaws.com", ["123456789012.dkr.ecr.eu-west-1.amazonaws.com"]));
        Assert.Equal(new EcrTokenScope("111122223333", "us-gov-west-1", true), EcrTokenScope.For("111122223333.dkr.ecr-fips.us-gov-west-1.amazonaws.com:443", []));
        Assert.Equal(new EcrTokenScope("111122223333", "cn-north-1", false), EcrTokenScope.For("111122223333.dkr.ecr.cn-north-1.amazonaws.com.cn", []));
    }

    [Fact]
    public void Any_other_registry_gets_no_ecr_token()
    {
        Assert.Null(EcrTokenScope.For("mcr.microsoft.com", ["127.0.0.1:5000"]));
        Assert.Null(EcrTokenScope.For("public.ecr.aws", []));
        Assert.Null(EcrTokenScope.For("111122223333.dkr.ecr.us-west-2.amazonaws.com.evil.example", []));
    }
}
