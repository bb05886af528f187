using EcrPublish.Cli.Arguments;
using EcrPublish.Cli.Verbs;
using Xunit;

namespace EcrPublish.Cli.Tests;

public sealed class AgeParserTests
{
    [Theory]
    [InlineData("90s", 90)]
    [InlineData("30m", 1800)]
    [InlineData("12h", 43200)]
    [InlineData("1d", 86400)]
    [InlineData("2w", 1209600)]
    [InlineData("1h30m", 5400)]
    [InlineData("600", 600)]
    [InlineData("00:10:00", 600)]
    public void Parses_the_one_duration_syntax(string text, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), AgeParser.Parse(text));

    [Theory]
    [InlineData("3x")]
    [InlineData("d")]
    [InlineData("-1d")]
    [InlineData("10:00")]
    public void Rejects_anything_else_with_ECR7003(string text) =>
        Assert.StartsWith("ECR7003:", Assert.Throws<CliUsageException>(() => AgeParser.Parse(text)).Message, StringComparison.Ordinal);
}
