using System.Text;

namespace EcrPublish.Scanning;

/// <summary>Renders findings as a plain-text table (severity, name, package, uri) for build logs and terminals.</summary>
public static class FindingsTable
{
    private static readonly string[] Headers = ["SEVERITY", "NAME", "PACKAGE", "URI"];

    /// <summary>The table, most severe first then by name, one finding a line; at most <paramref name="maxRows"/> rows.</summary>
    public static string Format(IEnumerable<ScanFinding> findings, int maxRows = 50)
    {
        var ordered = findings
            .OrderByDescending(finding => Severity.Rank(finding.Severity))
            .ThenBy(finding => finding.Name, StringComparer.Ordinal)
            .ToList();
        var rows = ordered.Take(maxRows).Select(finding => new[]
        {
            finding.Severity.ToUpperInvariant(),
            finding.Name,
            finding.PackageName is null ? "" : finding.PackageVersion is null ? finding.PackageName : $"{finding.PackageName} {finding.PackageVersion}",
            finding.Uri ?? "",
        }).ToList();

        var widths = Enumerable.Range(0, Headers.Length)
            .Select(column => rows.Select(row => row[column].Length).Append(Headers[column].Length).Max())
            .ToArray();
        var table = new StringBuilder();
        AppendRow(table, Headers, widths);
        foreach (var row in rows)
        {
            AppendRow(table, row, widths);
        }

        if (ordered.Count > maxRows)
        {
            table.Append("… and ").Append(ordered.Count - maxRows).Append(" more").Append('\n');
        }

        return table.ToString();
    }

    private static void AppendRow(StringBuilder table, string[] cells, int[] widths)
    {
        for (var column = 0; column < cells.Length; column++)
        {
            var last = column == cells.Length - 1;
            table.Append(last ? cells[column] : cells[column].PadRight(widths[column] + 2));
        }

        table.Append('\n');
    }
}
