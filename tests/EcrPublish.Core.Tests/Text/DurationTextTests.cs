using EcrPublish.Text;
using Xunit;

namespace EcrPublish.Core.Tests.Text;

/// <summary>The one duration syntax every setting and option shares.</summary>
public sealed class DurationTextTests
{
    [Theory]
    [InlineData("600", 600)]
    [InlineData(" 0 ", 0)]
    [InlineData("90s", 90)]
    [InlineData("10m", 600)]
    [InlineData("10M", 600)]
    [InlineData("1h30m", 5400)]
    [InlineData("1H30M15S", 5415)]
    [InlineData("2d", 172800)]
    [InlineData("1w1d", 691200)]
    [InlineData("00:10:00", 600)]
    [InlineData("1:00:01", 3601)]
    [InlineData("1.00:00:00", 86400)]
    public void Seconds_units_and_clocks_are_one_syntax(string text, long seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), DurationText.Parse(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("10:00")]
    [InlineData("00:60:00")]
    [InlineData("30m1h")]
    [InlineData("5m5m")]
    [InlineData("10y")]
    [InlineData("1.5h")]
    [InlineData("99999999999999999999")]
    [InlineData("999999999w")]
    public void Anything_else_is_not_a_duration(string? text) => Assert.Null(DurationText.Parse(text));
}
