using System.Text.Json.Nodes;

namespace EcrPublish.Cli.Output;

/// <summary>
/// <c>--output table</c>, ported from awscli's <c>TableFormatter</c>: the operation name as the outer title,
/// scalar keys as sorted columns, nested objects and lists as indented sub-tables.
/// </summary>
internal sealed class TableOutputFormatter
{
    private readonly MultiTable _table;

    private TableOutputFormatter(int terminalWidth) => _table = new MultiTable(terminalWidth);

    /// <summary>The table text, or an empty string when the response is empty (the AWS CLI prints nothing then).</summary>
    public static string Format(string title, JsonNode? data, int terminalWidth)
    {
        var formatter = new TableOutputFormatter(terminalWidth);
        return formatter.Build(title, data, 0) ? formatter._table.Render() : "";
    }

    private bool Build(string? title, JsonNode? current, int indentLevel)
    {
        if (IsFalsy(current))
        {
            return false;
        }

        if (title is not null)
        {
            _table.NewSection(title, indentLevel);
        }

        if (current is JsonArray list)
        {
            if (list[0] is JsonObject)
            {
                BuildFromList(list, indentLevel, title);
            }
            else
            {
                foreach (var item in list)
                {
                    if (IsScalar(item))
                    {
                        _table.AddRow([PythonText.Str(item)]);
                    }
                    else if (Elements(item).All(IsScalar))
                    {
                        _table.AddRow(Elements(item).Select(PythonText.Str).ToList());
                    }
                    else
                    {
                        Build(null, item, 0);
                    }
                }
            }
        }

        if (current is JsonObject obj)
        {
            BuildFromObject(obj, indentLevel);
        }

        return true;
    }

    private void BuildFromObject(JsonObject current, int indentLevel)
    {
        var (headers, more) = GroupScalarKeys(current);
        if (headers.Count == 1)
        {
            _table.AddRow([headers[0], PythonText.Str(current[headers[0]])]);
        }
        else if (headers.Count > 0)
        {
            _table.AddRowHeader(headers);
            _table.AddRow(headers.Select(h => PythonText.Str(current[h])).ToList());
        }

        foreach (var remaining in more)
        {
            Build(remaining, current[remaining], indentLevel + 1);
        }
    }

    private void BuildFromList(JsonArray current, int indentLevel, string? title)
    {
        var headers = new SortedSet<string>(StringComparer.Ordinal);
        var more = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var item in current)
        {
            // Python would fail on a non-object element here; such lists do not come from ECR.
            if (item is JsonObject obj)
            {
                var (h, m) = GroupScalarKeys(obj);
                headers.UnionWith(h);
                more.UnionWith(m);
            }
        }

        _table.AddRowHeader(headers.ToList());
        var first = true;
        foreach (var element in current.OfType<JsonObject>())
        {
            if (!first && more.Count > 0)
            {
                _table.NewSection(title ?? "", indentLevel);
                _table.AddRowHeader(headers.ToList());
            }

            first = false;
            _table.AddRow(headers.Select(h => element.TryGetPropertyValue(h, out var v) ? PythonText.Str(v) : "").ToList());
            foreach (var remaining in more.Where(element.ContainsKey))
            {
                Build(remaining, element[remaining], indentLevel + 1);
            }
        }
    }

    private static (List<string> Headers, List<string> More) GroupScalarKeys(JsonObject current)
    {
        var headers = current.Where(p => IsScalar(p.Value)).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        var more = current.Where(p => !IsScalar(p.Value)).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        return (headers, more);
    }

    private static IEnumerable<JsonNode?> Elements(JsonNode? node) => node switch
    {
        JsonArray array => array,
        JsonObject obj => obj.Select(p => (JsonNode?)JsonValue.Create(p.Key)),
        _ => [],
    };

    private static bool IsScalar(JsonNode? node) => node is not (JsonArray or JsonObject);

    // Python truthiness: None, False, 0, "" and empty containers print no table.
    private static bool IsFalsy(JsonNode? node) => node switch
    {
        null => true,
        JsonArray array => array.Count == 0,
        JsonObject obj => obj.Count == 0,
        _ => PythonText.Str(node) is "False" or "0" or "0.0" or "",
    };
}
