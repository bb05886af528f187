namespace EcrPublish.Cli.Output;

/// <summary>One titled box of a table: optional column headers, rows of cells, an indent level (awscli's <c>Section</c>).</summary>
internal sealed class TableSection
{
    private readonly List<int> _maxWidths = [];
    private int? _columnCount;

    public string Title { get; set; } = "";

    public IReadOnlyList<string> Headers { get; private set; } = [];

    public List<IReadOnlyList<string>> Rows { get; } = [];

    public int IndentLevel { get; set; }

    public void AddHeader(IReadOnlyList<string> headers)
    {
        UpdateMaxWidths(headers);
        _columnCount ??= headers.Count;
        Headers = headers;
    }

    public void AddRow(IReadOnlyList<string> row)
    {
        _columnCount ??= row.Count;
        if (row.Count != _columnCount)
        {
            throw new InvalidOperationException($"Row should have {_columnCount} elements, instead it has {row.Count}");
        }

        Rows.Add(row);
        UpdateMaxWidths(row);
    }

    /// <summary>Column widths scaled to fill <paramref name="maxWidth"/>, rounding as Python's <c>round()</c> does.</summary>
    public List<int> ColumnWidths(int padding, int? maxWidth)
    {
        var unscaled = _maxWidths.Select(w => w + padding).ToList();
        if (maxWidth is null || unscaled.Count == 0)
        {
            return unscaled;
        }

        var scaleFactor = maxWidth.Value / (double)unscaled.Sum();
        var scaled = unscaled.Select(w => (int)Math.Round(scaleFactor * w, MidpointRounding.ToEven)).ToList();
        var offBy = scaled.Sum() - maxWidth.Value;
        while (offBy != 0)
        {
            var order = Enumerable.Range(0, scaled.Count);
            if (offBy < 0)
            {
                order = order.Reverse();
            }

            foreach (var i in order)
            {
                if (offBy > 0)
                {
                    scaled[i]--;
                    offBy--;
                }
                else
                {
                    scaled[i]++;
                    offBy++;
                }

                if (offBy == 0)
                {
                    break;
                }
            }
        }

        return scaled;
    }

    public int TotalWidth(int padding, int outerPadding)
    {
        const int BorderPadding = 2;
        var total = ColumnWidths(0, null).Sum(w => w + padding) + BorderPadding + (2 * outerPadding);
        return Math.Max(TableText.DisplayLength(Title) + BorderPadding + (2 * outerPadding), total);
    }

    private void UpdateMaxWidths(IReadOnlyList<string> row)
    {
        if (_maxWidths.Count == 0)
        {
            _maxWidths.AddRange(row.Select(TableText.DisplayLength));
            return;
        }

        for (var i = 0; i < row.Count; i++)
        {
            _maxWidths[i] = Math.Max(TableText.DisplayLength(row[i]), _maxWidths[i]);
        }
    }
}
