using System.Globalization;
using System.Text;

namespace EcrPublish.Scanning;

/// <summary>
/// Renders findings as a plain-text table (severity, name, package, uri) for build logs and terminals. A FIX column
/// appears when the scanner says whether fixes exist (enhanced scanning), a NOTE column when an ignore applies.
/// </summary>
public static class FindingsTable
{
    /// <summary>The table, most severe first then by name, one finding a line; at most <paramref name="maxRows"/> rows.</summary>
    public static string Format(IEnumerable<ScanFinding> findings, int maxRows = 50) => Format(findings, ScanIgnoreList.None, maxRows);

    /// <summary>The table with the findings an ignore in force names marked <c>ignored</c>, with the ignore's date and reason.</summary>
    public static string Format(IEnumerable<ScanFinding> findings, ScanIgnoreList ignores, int maxRows = 50)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(ignores);
        var ordered = findings
            .OrderByDescending(finding => Severity.Rank(finding.Severity))
            .ThenBy(finding => finding.Name, StringComparer.Ordinal)
            .ToList();
        var shown = ordered.Take(maxRows).ToList();
        var withFix = shown.Any(finding => !FixAvailability.IsUnknown(finding));
        var withNote = shown.Any(finding => ignores.For(finding) is not null);

        var headers = new List<string> { "SEVERITY", "NAME", "PACKAGE" };
        if (withFix)
        {
            headers.Add("FIX");
        }

        headers.Add("URI");
        if (withNote)
        {
            headers.Add("NOTE");
        }

        var rows = shown.Select(finding =>
        {
            var row = new List<string>
            {
                finding.Severity.ToUpperInvariant(),
                finding.Name,
                finding.PackageName is null ? "" : finding.PackageVersion is null ? finding.PackageName : $"{finding.PackageName} {finding.PackageVersion}",
            };
            if (withFix)
            {
                row.Add(finding.FixAvailable?.ToUpperInvariant() ?? "");
            }

            row.Add(finding.Uri ?? "");
            if (withNote)
            {
                row.Add(Note(ignores.For(finding)));
            }

            return row.ToArray();
        }).ToList();

        var widths = Enumerable.Range(0, headers.Count)
            .Select(column => rows.Select(row => row[column].Length).Append(headers[column].Length).Max())
            .ToArray();
        var table = new StringBuilder();
        AppendRow(table, [.. headers], widths);
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

    private static string Note(ScanIgnore? ignore) => ignore switch
    {
        null => "",
        { Expires: { } expires } => $"ignored until {expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}{(ignore.Reason is null ? "" : $": {ignore.Reason}")}",
        _ => $"ignored{(ignore.Reason is null ? "" : $": {ignore.Reason}")}",
    };

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
