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
}
