using EcrPublish.Scanning;
using Xunit;

namespace EcrPublish.Core.Tests.Scanning;

public sealed class FindingsTableTests
{
    [Fact]
    public void Rows_are_aligned_and_most_severe_first()
    {
        var table = FindingsTable.Format(
        [
            new ScanFinding("CVE-2024-0002", "medium", "zlib1g", "1:1.2.13", "https://example.test/2"),
            new ScanFinding("CVE-2024-0001", "CRITICAL", "openssl", null, null),
        ]);

        Assert.Equal(
            "SEVERITY  NAME           PACKAGE          URI\n" +
            "CRITICAL  CVE-2024-0001  openssl          \n" +
            "MEDIUM    CVE-2024-0002  zlib1g 1:1.2.13  https://example.test/2\n",
            table);
    }

    [Fact]
    public void Long_lists_are_cut_with_a_count_of_the_rest()
    {
        var findings = Enumerable.Range(0, 5).Select(i => new ScanFinding($"CVE-{i}", "LOW", null, null, null));

        var table = FindingsTable.Format(findings, maxRows: 2);

        Assert.Equal(4, table.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.EndsWith("… and 3 more\n", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Ignored_findings_are_marked_with_their_date_and_reason_and_fix_availability_gets_a_column()
    {
        var ignores = ScanIgnoreList.On(
            [new ScanIgnore("CVE-2024-0001", new DateOnly(2027, 1, 31), "not reachable"), new ScanIgnore("CVE-2024-0003", null, null)],
            new DateOnly(2026, 12, 6));

        var table = FindingsTable.Format(
        [
            new ScanFinding("CVE-2024-0001", "CRITICAL", "openssl", "3.0.1", "https://example.test/1") { FixAvailable = "YES" },
            new ScanFinding("CVE-2024-0002", "HIGH", "zlib", null, null) { FixAvailable = "NO" },
            new ScanFinding("CVE-2024-0003", "LOW", null, null, null),
        ], ignores);

        Assert.Equal(
            "SEVERITY  NAME           PACKAGE        FIX  URI                     NOTE\n" +
            "CRITICAL  CVE-2024-0001  openssl 3.0.1  YES  https://example.test/1  ignored until 2027-01-31: not reachable\n" +
            "HIGH      CVE-2024-0002  zlib           NO                           \n" +
            "LOW       CVE-2024-0003                                              ignored\n",
            table);
    }
}
