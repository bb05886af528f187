using System.Text;

namespace EcrPublish.Cli.Output;

/// <summary>
/// awscli's <c>MultiTable</c> with the plain styler: sections rendered as nested boxes, all as wide as the
/// widest; when that exceeds the terminal, single-row sections turn into key/value rows.
/// </summary>
internal sealed class MultiTable(int terminalWidth)
{
    private readonly List<TableSection> _sections = [];
    private TableSection? _current;

    public void NewSection(string title, int indentLevel)
    {
        _current = new TableSection { Title = title, IndentLevel = indentLevel };
        _sections.Add(_current);
    }

    public void AddRowHeader(IReadOnlyList<string> headers) => Current.AddHeader(headers);

    public void AddRow(IReadOnlyList<string> row) => Current.AddRow(row);

    public string Render()
    {
        var output = new StringBuilder();
        if (_sections.Count == 0)
        {
            return "";
        }

        var maxWidth = MaxWidth();
        if (maxWidth > terminalWidth)
        {
            ConvertToVertical();
            maxWidth = MaxWidth();
        }

        output.Append('-', maxWidth).Append('\n');
        foreach (var section in _sections)
        {
            RenderSection(section, maxWidth, output);
        }

        return output.ToString();
    }

    private TableSection Current => _current ?? throw new InvalidOperationException("No table section started.");

    private int MaxWidth() => _sections.Max(s => s.TotalWidth(padding: 4, outerPadding: s.IndentLevel));

    private void ConvertToVertical()
    {
        for (var i = 0; i < _sections.Count; i++)
        {
            var section = _sections[i];
            if (section.Rows.Count == 1 && section.Headers.Count > 0)
            {
                var vertical = new TableSection { Title = section.Title, IndentLevel = section.IndentLevel };
                foreach (var (header, element) in section.Headers.Zip(section.Rows[0]))
                {
                    vertical.AddRow([header, element]);
                }

                _sections[i] = vertical;
            }
        }
    }

    private static void RenderSection(TableSection section, int maxWidth, StringBuilder output)
    {
        var lines = new List<string>();
        maxWidth -= section.IndentLevel * 2;
        if (section.Title.Length > 0)
        {
            lines.Add(TableText.Center(section.Title, maxWidth));
            if (section.Headers.Count == 0 && section.Rows.Count == 0)
            {
                lines.Add("+" + new string('-', maxWidth - 2) + "+");
            }
        }

        if (section.Headers.Count > 0)
        {
            var widths = section.ColumnWidths(4, maxWidth);
            lines.Add(LineBreak(widths));
            lines.Add(string.Concat(widths.Zip(section.Headers).Select((p, i) => TableText.Center(p.Second, p.First, i == 0 ? "|" : ""))));
        }

        if (section.Rows.Count > 0)
        {
            var widths = section.ColumnWidths(4, maxWidth);
            if (widths.Count > 0)
            {
                lines.Add(LineBreak(widths));
                lines.AddRange(section.Rows.Select(row =>
                    string.Concat(widths.Zip(row).Select((p, i) => TableText.AlignLeft(p.Second, p.First, i == 0 ? "|" : "")))));
                lines.Add(LineBreak(widths));
            }
        }

        var indent = new string('|', section.IndentLevel);
        foreach (var line in lines)
        {
            output.Append(indent).Append(line).Append(indent).Append('\n');
        }
    }

    private static string LineBreak(List<int> widths) =>
        string.Concat(widths.Select((w, i) => i == 0 ? "+" + new string('-', w - 2) + "+" : new string('-', w - 1) + "+"));
}
