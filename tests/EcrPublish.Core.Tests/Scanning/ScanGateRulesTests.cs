using EcrPublish.Scanning;
using Xunit;

namespace EcrPublish.Core.Tests.Scanning;

/// <summary>The gate's rules beyond the threshold: ignores (with expiry) and fixable-only.</summary>
public sealed class ScanGateRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 6);

    private static ScanFinding Finding(string name, string severity, string? fix = null) =>
        new(name, severity, "openssl", "3.0.1", null) { FixAvailable = fix };

    private static ScanResult Result(params ScanFinding[] findings) => new(
        "ACTIVE",
        null,
        findings.GroupBy(finding => finding.Severity).ToDictionary(group => group.Key, group => group.Count()),
        findings);

    [Fact]
    public void An_ignored_finding_does_not_fail_the_gate_and_is_reported_as_ignored()
    {
        var ignores = ScanIgnoreList.On([new ScanIgnore("cve-2024-0001", Today, "not reachable")], Today);

        var verdict = ScanGate.Parse("HIGH").Evaluate(Result(Finding("CVE-2024-0001", "CRITICAL"), Finding("CVE-2024-0002", "MEDIUM")), ignores, fixableOnly: false);

        Assert.False(verdict.Fails);
        Assert.Equal("CVE-2024-0001", Assert.Single(verdict.Ignored).Name);
    }

    [Fact]
    public void An_expired_ignore_ignores_nothing()
    {
        var ignores = ScanIgnoreList.On([new ScanIgnore("CVE-2024-0001", Today.AddDays(-1), "was waiting for a patch")], Today);

        var verdict = ScanGate.Parse("HIGH").Evaluate(Result(Finding("CVE-2024-0001", "HIGH")), ignores, fixableOnly: false);

        Assert.Equal("CVE-2024-0001", Assert.Single(ignores.Expired).Name);
        Assert.Empty(ignores.Active);
        Assert.Equal(1, verdict.Violations["HIGH"]);
        Assert.Empty(verdict.Ignored);
    }

    [Fact]
    public void Ignoring_one_finding_leaves_the_others_counted()
    {
        var ignores = ScanIgnoreList.On([new ScanIgnore("CVE-2024-0001", null, null)], Today);

        var verdict = ScanGate.Parse("HIGH").Evaluate(
            Result(Finding("CVE-2024-0001", "HIGH"), Finding("CVE-2024-0002", "HIGH"), Finding("CVE-2024-0003", "CRITICAL")), ignores, fixableOnly: false);

        Assert.Equal(1, verdict.Violations["HIGH"]);
        Assert.Equal(1, verdict.Violations["CRITICAL"]);
    }

    [Fact]
    public void Fixable_only_counts_YES_and_PARTIAL_and_says_how_many_have_no_fix()
    {
        var result = Result(
            Finding("CVE-2024-0001", "CRITICAL", "NO"),
            Finding("CVE-2024-0002", "HIGH", "NO"),
            Finding("CVE-2024-0003", "HIGH", "PARTIAL"),
            Finding("CVE-2024-0004", "LOW", "YES"));

        var verdict = ScanGate.Parse("HIGH").Evaluate(result, ScanIgnoreList.None, fixableOnly: true);

        Assert.Equal(["HIGH"], verdict.Violations.Keys);
        Assert.Equal(1, verdict.Violations["HIGH"]);
        Assert.Equal(2, verdict.NotFixable);
        Assert.Equal(0, verdict.WithoutFixInformation);
    }

    [Fact]
    public void Fixable_only_passes_when_no_finding_above_the_threshold_has_a_fix()
    {
        var verdict = ScanGate.Parse("HIGH").Evaluate(
            Result(Finding("CVE-2024-0001", "CRITICAL", "NO"), Finding("CVE-2024-0002", "MEDIUM", "YES")), ScanIgnoreList.None, fixableOnly: true);

        Assert.False(verdict.Fails);
        Assert.Equal(1, verdict.NotFixable);
    }

    [Fact]
    public void Fixable_only_counts_basic_findings_which_say_nothing_about_fixes()
    {
        var verdict = ScanGate.Parse("HIGH").Evaluate(Result(Finding("CVE-2024-0001", "HIGH")), ScanIgnoreList.None, fixableOnly: true);

        Assert.Equal(1, verdict.Violations["HIGH"]);
        Assert.Equal(1, verdict.WithoutFixInformation);
    }

    [Fact]
    public void Without_ignores_or_fixable_only_the_gate_reads_the_counts_as_before()
    {
        var counted = new ScanResult("COMPLETE", null, new Dictionary<string, int> { ["HIGH"] = 3 }, []);

        var verdict = ScanGate.Parse("HIGH").Evaluate(counted, ScanIgnoreList.None, fixableOnly: false);

        Assert.Equal(3, verdict.Violations["HIGH"]);
    }

    [Fact]
    public void Counted_findings_beyond_the_listed_ones_still_fail()
    {
        // ECR counted 5 HIGH but listed 2; one is ignored: the 3 unlisted cannot have been ignored.
        var result = new ScanResult("COMPLETE", null, new Dictionary<string, int> { ["HIGH"] = 5 }, [Finding("CVE-2024-0001", "HIGH"), Finding("CVE-2024-0002", "HIGH")]);
        var ignores = ScanIgnoreList.On([new ScanIgnore("CVE-2024-0001", null, null)], Today);

        var verdict = ScanGate.Parse("HIGH").Evaluate(result, ignores, fixableOnly: false);

        Assert.Equal(4, verdict.Violations["HIGH"]);
    }

    [Fact]
    public void No_threshold_never_fails_whatever_the_rules()
    {
        var verdict = ScanGate.Parse(null).Evaluate(Result(Finding("CVE-2024-0001", "CRITICAL", "YES")), ScanIgnoreList.None, fixableOnly: true);

        Assert.False(verdict.Fails);
    }

    [Fact]
    public void An_ignore_holds_through_its_Expires_day()
    {
        var ignore = new ScanIgnore("CVE-2024-0001", Today, null);

        Assert.False(ignore.IsExpiredOn(Today));
        Assert.True(ignore.IsExpiredOn(Today.AddDays(1)));
        Assert.False(new ScanIgnore("CVE-2024-0001", null, null).IsExpiredOn(DateOnly.MaxValue));
    }

    [Theory]
    [InlineData("SCAN_ELIGIBILITY_EXPIRED", "re-scan duration")]
    [InlineData("FINDINGS_UNAVAILABLE", "Amazon Inspector")]
    [InlineData("ACTIVE", "continuously")]
    [InlineData("UNSUPPORTED_IMAGE", "cannot scan")]
    public void Enhanced_and_basic_statuses_are_explained(string status, string explanation)
    {
        Assert.Contains(explanation, ScanStatuses.Explain(status), StringComparison.Ordinal);
    }
}
