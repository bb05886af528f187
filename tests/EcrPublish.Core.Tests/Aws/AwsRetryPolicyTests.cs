using System.Net;
using EcrPublish.Aws;
using Xunit;

namespace EcrPublish.Core.Tests.Aws;

public sealed class AwsRetryPolicyTests
{
    [Theory]
    [InlineData("ThrottlingException", 400, true)]
    [InlineData("TooManyRequestsException", 400, true)]
    [InlineData("RequestLimitExceeded", 400, true)]
    [InlineData("ServerException", 500, true)]
    [InlineData("ServerError", 503, true)]
    [InlineData("Http429", 429, true)]
    [InlineData("LimitExceededException", 400, false)]
    [InlineData("RepositoryNotFoundException", 400, false)]
    [InlineData("AccessDeniedException", 400, false)]
    public void Classifies_retryable_errors(string code, int status, bool retryable) =>
        Assert.Equal(retryable, AwsRetryPolicy.IsRetryable(new EcrServiceException(code, "m", (HttpStatusCode)status, null, "Op")));

    [Theory]
    [InlineData("InvalidSignatureException", true)]
    [InlineData("RequestTimeTooSkewed", true)]
    [InlineData("SignatureDoesNotMatch", true)]
    [InlineData("ThrottlingException", false)]
    public void Recognises_clock_skew_errors(string code, bool skew) =>
        Assert.Equal(skew, AwsRetryPolicy.IsClockSkewError(new EcrServiceException(code, "m", HttpStatusCode.BadRequest, null, "Op")));

    [Fact]
    public void Backoff_is_full_jitter_below_an_exponential_ceiling_capped_at_the_maximum()
    {
        var policy = new AwsRetryPolicy(5, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1));
        for (var sample = 0; sample < 200; sample++)
        {
            Assert.InRange(policy.BackoffDelay(0), TimeSpan.Zero, TimeSpan.FromMilliseconds(100));
            Assert.InRange(policy.BackoffDelay(2), TimeSpan.Zero, TimeSpan.FromMilliseconds(400));
            Assert.InRange(policy.BackoffDelay(20), TimeSpan.Zero, TimeSpan.FromSeconds(1));
        }

        var distinct = Enumerable.Range(0, 20).Select(_ => policy.BackoffDelay(3)).Distinct().Count();
        Assert.True(distinct > 1, "the delay must be randomised");
    }
}
