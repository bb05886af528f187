using Xunit;

namespace EcrPublish.Tagging;

public class ImageTagRulesTests
{
    [Theory]
    [InlineData("latest", true)]
    [InlineData("v1.2.3-abc_DEF", true)]
    [InlineData("_underscore-first", true)]
    [InlineData("", false)]
    [InlineData(".dot-first", false)]
    [InlineData("-dash-first", false)]
    [InlineData("has space", false)]
    [InlineData("colon:inside", false)]
    [InlineData("plus+sign", false)]
    public void Follows_ECR_tag_pattern(string tag, bool valid) => Assert.Equal(valid, ImageTagRules.IsValid(tag));

    [Fact]
    public void Allows_at_most_128_characters()
    {
        Assert.True(ImageTagRules.IsValid(new string('a', 128)));
        Assert.False(ImageTagRules.IsValid(new string('a', 129)));
    }
}
