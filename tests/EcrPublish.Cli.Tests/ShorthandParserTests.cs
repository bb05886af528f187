using EcrPublish.Cli.Arguments;
using Xunit;

namespace EcrPublish.Cli.Tests;

/// <summary>Every shorthand form of the cheat sheet, plus the grammar's corners, parsed as awscli/shorthand.py does.</summary>
public sealed class ShorthandParserTests
{
    [Theory]
    [InlineData("scanOnPush=true", """{"scanOnPush":"true"}""")]
    [InlineData("encryptionType=KMS,kmsKey=alias/ecr-key", """{"encryptionType":"KMS","kmsKey":"alias/ecr-key"}""")]
    [InlineData("Key=Environment,Value=Production", """{"Key":"Environment","Value":"Production"}""")]
    [InlineData("imageTag=v1.0.0", """{"imageTag":"v1.0.0"}""")]
    [InlineData("imageDigest=sha256:abc123...", """{"imageDigest":"sha256:abc123..."}""")]
    [InlineData("tagStatus=UNTAGGED", """{"tagStatus":"UNTAGGED"}""")]
    [InlineData("a=b,c", """{"a":["b","c"]}""")]
    [InlineData("a=b,c,d=e", """{"a":["b","c"],"d":"e"}""")]
    [InlineData("a=[b,c]", """{"a":["b","c"]}""")]
    [InlineData("a={b=c,d=[e,f]}", """{"a":{"b":"c","d":["e","f"]}}""")]
    [InlineData("a='x,y',b=\"p=q\"", """{"a":"x,y","b":"p=q"}""")]
    [InlineData("a=x\\,y", """{"a":"x,y"}""")]
    [InlineData("a=", """{"a":""}""")]
    [InlineData("a = b , c = d", """{"a":"b","c":"d"}""")]
    public void Parses_shorthand_into_strings_lists_and_objects(string shorthand, string expectedJson) =>
        Assert.Equal(expectedJson, new ShorthandParser().Parse(shorthand).ToJsonString());

    [Fact]
    public void A_missing_equals_sign_is_reported_with_a_caret_under_the_position()
    {
        var error = Assert.Throws<ShorthandSyntaxException>(() => new ShorthandParser().Parse("imageTag"));

        Assert.Equal("Expected: '=', received: 'EOF' for input:\nimageTag\n        ^", error.Message);
    }

    [Fact]
    public void A_repeated_key_is_reported_as_the_aws_cli_does()
    {
        var error = Assert.Throws<ShorthandSyntaxException>(() => new ShorthandParser().Parse("Key=a,Key=b"));

        Assert.StartsWith("Second instance of key \"Key\" encountered for input:", error.Message, StringComparison.Ordinal);
    }
}
