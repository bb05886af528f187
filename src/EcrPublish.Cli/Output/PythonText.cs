using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcrPublish.Cli.Output;

/// <summary>Python's <c>str()</c> of a parsed JSON value, as the text and table outputs print cells.</summary>
internal static class PythonText
{
    public static string Str(JsonNode? node) => node switch
    {
        JsonObject or JsonArray => Repr(node),
        _ => node?.GetValueKind() switch
        {
            null or JsonValueKind.Null => "None",
            JsonValueKind.True => "True",
            JsonValueKind.False => "False",
            JsonValueKind.Number => PythonJsonWriter.FormatNumber(node),
            _ => node.GetValue<string>(),
        },
    };

    private static string Repr(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                return "{" + string.Join(", ", obj.Select(p => Quote(p.Key) + ": " + Repr(p.Value))) + "}";
            case JsonArray array:
                return "[" + string.Join(", ", array.Select(Repr)) + "]";
            default:
                return node?.GetValueKind() == JsonValueKind.String ? Quote(node.GetValue<string>()) : Str(node);
        }
    }

    private static string Quote(string value)
    {
        var quote = value.Contains('\'', StringComparison.Ordinal) && !value.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        var builder = new StringBuilder().Append(quote);
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when c == quote => "\\" + c,
                _ => c.ToString(),
            });
        }

        return builder.Append(quote).ToString();
    }
}
