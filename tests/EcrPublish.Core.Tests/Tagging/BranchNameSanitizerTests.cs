using EcrPublish.EcrRules;
using EcrPublish.Tagging;
using Xunit;

namespace EcrPublish.Core.Tests.Tagging;

public class BranchNameSanitizerTests
{
    [Theory]
    [InlineData("main", "main")]
    [InlineData("feature/login", "feature-login")]
    [InlineData("feature//x", "feature-x")]
    [InlineData("users/jane.doe/Fix_1", "users-jane.doe-Fix_1")]
    [InlineData("-weird-", "weird")]
    [InlineData(".dot", "dot")]
    [InlineData("émoji🙂", "moji")]
    [InlineData("///", "")]
    public void Produces_tag_safe_text(string branch, string expected) =>
        Assert.Equal(expected, BranchNameSanitizer.Sanitize(branch));

    [Fact]
    public void Cuts_long_names_to_the_tag_limit() =>
        Assert.Equal(EcrImageTag.MaxLength, BranchNameSanitizer.Sanitize(new string('b', 300)).Length);
}
