using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcrPublish.Cli.Output;

/// <summary>
/// Writes JSON exactly as the AWS CLI's <c>json.dump(response, indent=4, ensure_ascii=False)</c>: four-space
/// indentation, <c>", "</c>-free separators per line, non-ASCII characters as they are, Python float repr.
/// </summary>
internal static class PythonJsonWriter
{
    public static string Write(JsonNode? node)
    {
        var builder = new StringBuilder();
        Write(builder, node, 0);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, JsonNode? node, int depth)
    {
        switch (node)
        {
            case JsonObject obj when obj.Count == 0:
                builder.Append("{}");
                break;
            case JsonObject obj:
                builder.Append('{');
                var first = true;
                foreach (var (key, value) in obj)
                {
                    builder.Append(first ? "\n" : ",\n").Append(' ', (depth + 1) * 4);
                    first = false;
                    WriteString(builder, key);
                    builder.Append(": ");
                    Write(builder, value, depth + 1);
                }

                builder.Append('\n').Append(' ', depth * 4).Append('}');
                break;
            case JsonArray array when array.Count == 0:
                builder.Append("[]");
                break;
            case JsonArray array:
                builder.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    builder.Append(i == 0 ? "\n" : ",\n").Append(' ', (depth + 1) * 4);
                    Write(builder, array[i], depth + 1);
                }

                builder.Append('\n').Append(' ', depth * 4).Append(']');
                break;
            default:
                WriteScalar(builder, node);
                break;
        }
    }

    private static void WriteScalar(StringBuilder builder, JsonNode? node)
    {
        switch (node?.GetValueKind())
        {
            case null or JsonValueKind.Null:
                builder.Append("null");
                break;
            case JsonValueKind.True:
                builder.Append("true");
                break;
            case JsonValueKind.False:
                builder.Append("false");
                break;
            case JsonValueKind.Number:
                builder.Append(FormatNumber(node));
                break;
            default:
                WriteString(builder, node.GetValue<string>());
                break;
        }
    }

    /// <summary>A number as Python prints it: integers verbatim, floats by <see cref="PythonFloatFormatter"/>.</summary>
    public static string FormatNumber(JsonNode node)
    {
        var raw = node.ToJsonString();
        if (raw.AsSpan().IndexOfAny(".eE") < 0)
        {
            return raw;
        }

        return PythonFloatFormatter.Format(double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    private static void WriteString(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case < ' ': builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: builder.Append(c); break;
            }
        }

        builder.Append('"');
    }
}
