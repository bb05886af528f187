using System.Text;
using System.Text.Json.Nodes;

namespace EcrPublish.Cli.Output;

/// <summary>
/// <c>--output text</c>, ported from <c>awscli/text.py</c>: scalars of an object on one tab-separated line
/// (keys sorted), nested values after it under an upper-cased identifier, lists of objects with the union
/// of their scalar keys as columns.
/// </summary>
internal static class TextOutputFormatter
{
    public static string Format(JsonNode? data)
    {
        var output = new StringBuilder();
        FormatNode(data, output, identifier: null, scalarKeys: null);
        return output.ToString();
    }

    private static void FormatNode(JsonNode? item, StringBuilder output, string? identifier, IReadOnlyList<string>? scalarKeys)
    {
        switch (item)
        {
            case JsonObject obj:
                FormatObject(obj, output, identifier, scalarKeys);
                break;
            case JsonArray list:
                FormatList(list, output, identifier);
                break;
            default:
                output.Append(PythonText.Str(item)).Append('\n');
                break;
        }
    }

    private static void FormatList(JsonArray list, StringBuilder output, string? identifier)
    {
        if (list.Count == 0)
        {
            return;
        }

        if (list.Any(e => e is JsonObject))
        {
            var allKeys = AllScalarKeys(list);
            foreach (var element in list)
            {
                FormatNode(element, output, identifier, allKeys);
            }
        }
        else if (list.Any(e => e is JsonArray))
        {
            var scalars = list.Where(e => e is not (JsonObject or JsonArray)).ToList();
            if (scalars.Count > 0)
            {
                FormatScalarList(scalars, output, identifier);
            }

            foreach (var nonScalar in list.Where(e => e is JsonObject or JsonArray))
            {
                FormatNode(nonScalar, output, identifier, scalarKeys: null);
            }
        }
        else
        {
            FormatScalarList(list.ToList(), output, identifier);
        }
    }

    private static void FormatScalarList(List<JsonNode?> elements, StringBuilder output, string? identifier)
    {
        if (identifier is not null)
        {
            foreach (var element in elements)
            {
                output.Append(identifier.ToUpperInvariant()).Append('\t').Append(PythonText.Str(element)).Append('\n');
            }
        }
        else
        {
            output.Append(string.Join('\t', elements.Select(PythonText.Str))).Append('\n');
        }
    }

    private static void FormatObject(JsonObject obj, StringBuilder output, string? identifier, IReadOnlyList<string>? scalarKeys)
    {
        var (scalars, nonScalars) = Partition(obj, scalarKeys);
        if (scalars.Count > 0)
        {
            if (identifier is not null)
            {
                scalars.Insert(0, identifier.ToUpperInvariant());
            }

            output.Append(string.Join('\t', scalars)).Append('\n');
        }

        foreach (var (key, value) in nonScalars)
        {
            FormatNode(value, output, key, scalarKeys: null);
        }
    }

    private static List<string> AllScalarKeys(JsonArray list) => list
        .OfType<JsonObject>()
        .SelectMany(o => o.Where(p => p.Value is not (JsonObject or JsonArray)).Select(p => p.Key))
        .Distinct(StringComparer.Ordinal)
        .Order(PythonStringComparer.Instance)
        .ToList();

    private static (List<string> Scalars, List<KeyValuePair<string, JsonNode?>> NonScalars) Partition(JsonObject obj, IReadOnlyList<string>? scalarKeys)
    {
        var scalars = new List<string>();
        var nonScalars = new List<KeyValuePair<string, JsonNode?>>();
        if (scalarKeys is null)
        {
            foreach (var pair in obj.OrderBy(p => p.Key, PythonStringComparer.Instance))
            {
                if (pair.Value is JsonObject or JsonArray)
                {
                    nonScalars.Add(pair);
                }
                else
                {
                    scalars.Add(PythonText.Str(pair.Value));
                }
            }
        }
        else
        {
            scalars.AddRange(scalarKeys.Select(k => obj.TryGetPropertyValue(k, out var v) ? PythonText.Str(v) : ""));
            nonScalars.AddRange(obj.Where(p => !scalarKeys.Contains(p.Key)).OrderBy(p => p.Key, PythonStringComparer.Instance));
        }

        return (scalars, nonScalars);
    }
}
