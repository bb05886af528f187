using EcrPublish.Lifecycle;
using Xunit;

namespace EcrPublish.Core.Tests.Lifecycle;

public sealed class TagPatternMatcherTests
{
    [Theory]
    [InlineData("prod*", "prod", true)]
    [InlineData("prod*", "prod1", true)]
    [InlineData("prod*", "production-team1", true)]
    [InlineData("prod*", "preprod", false)]
    [InlineData("*prod*", "repo-production", true)]
    [InlineData("*prod*", "prod-team", true)]
    [InlineData("*prod*", "pro-d", false)]
    [InlineData("prod", "prod", true)]
    [InlineData("prod", "prod1", false)]
    [InlineData("Prod*", "prod1", false)]
    [InlineData("*", "", true)]
    [InlineData("*", "anything", true)]
    [InlineData("v*.*.*", "v1.2.3", true)]
    [InlineData("v*.*.*", "v1.2", false)]
    [InlineData("*-rc*", "1.0-rc2", true)]
    [InlineData("a*b*c", "abc", true)]
    [InlineData("a*b*c", "aXbYbZc", true)]
    [InlineData("a*b*c", "aXcYb", false)]
    [InlineData("*test*1*2*3", "my-test-1-2-3", true)]
    [InlineData("**x", "abx", true)]
    public void Matches_whole_tags_with_star_as_any_run_of_characters(string pattern, string tag, bool expected)
    {
        Assert.Equal(expected, TagPatternMatcher.Matches(pattern, tag));
    }

    [Theory]
    [InlineData("*test*1*2*3", 4)]
    [InlineData("test*1*2*3*4*5*6", 6)]
    [InlineData("plain", 0)]
    public void Counts_wildcards(string pattern, int expected)
    {
        Assert.Equal(expected, TagPatternMatcher.CountWildcards(pattern));
    }
}
