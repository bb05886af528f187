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
    public void Parses_a_number_and_a_unit(string text, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), AgeParser.Parse(text));

    [Theory]
    [InlineData("3x")]
    [InlineData("d")]
    [InlineData("-1d")]
    public void Rejects_anything_else_with_ECR7003(string text) =>
        Assert.StartsWith("ECR7003:", Assert.Throws<CliUsageException>(() => AgeParser.Parse(text)).Message, StringComparison.Ordinal);
}
