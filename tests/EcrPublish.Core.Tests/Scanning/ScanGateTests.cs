using EcrPublish.Scanning;
using Xunit;

namespace EcrPublish.Core.Tests.Scanning;

public sealed class ScanGateTests
{
    private static ScanResult Counts(params (string Severity, int Count)[] counts) =>
        new("COMPLETE", null, counts.ToDictionary(c => c.Severity, c => c.Count), []);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("none")]
    public void No_threshold_never_fails(string? value)
    {
        var gate = ScanGate.Parse(value);

        Assert.Null(gate.FailOnSeverity);
        Assert.Empty(gate.Violations(Counts(("CRITICAL", 3))));
    }

    [Fact]
    public void High_fails_on_high_and_critical_but_not_medium()
    {
        var gate = ScanGate.Parse("high");

        var violations = gate.Violations(Counts(("MEDIUM", 7), ("HIGH", 2), ("CRITICAL", 1), ("LOW", 4)));

        Assert.Equal(["CRITICAL", "HIGH"], violations.Keys);
        Assert.Equal(1, violations["CRITICAL"]);
        Assert.Equal(2, violations["HIGH"]);
    }

    [Fact]
    public void Zero_counts_and_unknown_enhanced_severities_do_not_fail()
    {
        var gate = ScanGate.Parse("LOW");

        Assert.Empty(gate.Violations(Counts(("CRITICAL", 0), ("UNTRIAGED", 5), ("UNDEFINED", 2))));
    }

    [Theory]
    [InlineData("SEVERE")]
    [InlineData("UNDEFINED")]
    public void An_unknown_threshold_is_rejected_with_its_code(string value)
    {
        var error = Assert.Throws<EcrPublishException>(() => ScanGate.Parse(value));

        Assert.Equal("ECR4501", error.Code);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }
}
