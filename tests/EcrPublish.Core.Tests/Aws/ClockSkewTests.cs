using EcrPublish.Aws;
using Xunit;

namespace EcrPublish.Core.Tests.Aws;

public sealed class ClockSkewTests
{
    private static readonly DateTimeOffset Local = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Records_a_large_difference_and_reports_the_change_once()
    {
        var skew = new ClockSkew();

        Assert.True(skew.Observe(Local.AddMinutes(20), Local));
        Assert.Equal(TimeSpan.FromMinutes(20), skew.Offset);
        Assert.False(skew.Observe(Local.AddMinutes(20), Local));
    }

    [Fact]
    public void Ignores_latency_sized_differences_and_missing_dates()
    {
        var skew = new ClockSkew();

        Assert.False(skew.Observe(Local.AddSeconds(3), Local));
        Assert.False(skew.Observe(null, Local));
        Assert.Equal(TimeSpan.Zero, skew.Offset);
    }

    [Fact]
    public void Drops_the_correction_when_the_clocks_agree_again()
    {
        var skew = new ClockSkew();
        skew.Observe(Local.AddHours(-1), Local);

        Assert.True(skew.Observe(Local, Local));
        Assert.Equal(TimeSpan.Zero, skew.Offset);
    }
}
