using System.Net.Http.Headers;
using EcrPublish.Registry;
using Xunit;

namespace EcrPublish.Core.Tests.Registry;

public sealed class AuthenticationChallengeTests
{
    [Fact]
    public void A_bearer_challenge_gives_realm_service_and_scope()
    {
        var challenge = AuthenticationChallenge.Parse(new AuthenticationHeaderValue("Bearer",
            "realm=\"https://auth.example.com/token\",service=\"registry.example.com\",scope=\"repository:a/b:pull,push\""));

        Assert.True(challenge.IsBearer);
        Assert.Equal("https://auth.example.com/token", challenge.Realm);
        Assert.Equal("registry.example.com", challenge.Service);
        Assert.Equal("repository:a/b:pull,push", challenge.Parameters["scope"]);
    }

    [Fact]
    public void A_basic_challenge_as_ecr_sends_it_is_recognised()
    {
        var challenge = AuthenticationChallenge.Parse(new AuthenticationHeaderValue("Basic", "realm=\"https://123456789012.dkr.ecr.eu-west-1.amazonaws.com/\",service=\"ecr.amazonaws.com\""));

        Assert.True(challenge.IsBasic);
        Assert.Equal("ecr.amazonaws.com", challenge.Service);
    }

    [Fact]
    public void Retry_after_wins_over_backoff_and_backoff_grows()
    {
        var policy = new RetryPolicy(5, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.FromSeconds(3), policy.DelayBefore(1, TimeSpan.FromSeconds(3)));
        Assert.Equal(TimeSpan.FromSeconds(10), policy.DelayBefore(1, TimeSpan.FromMinutes(5)));
        Assert.InRange(policy.DelayBefore(1, null).TotalMilliseconds, 80, 120);
        Assert.InRange(policy.DelayBefore(3, null).TotalMilliseconds, 1280, 1920);
    }

    [Fact]
    public void A_credential_never_shows_its_password()
    {
        var credential = new RegistryCredential("AWS", "s3cr3t-token");

        Assert.DoesNotContain("s3cr3t", credential.ToString(), StringComparison.Ordinal);
    }
}
