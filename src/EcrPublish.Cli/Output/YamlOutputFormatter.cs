using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EcrPublish.Cli.Output;

/// <summary>
/// <c>--output yaml</c> and <c>yaml-stream</c> as the AWS CLI v2 prints them (ruamel.yaml's safe dumper, block
/// style): keys sorted, sequences not indented under their key, strings quoted only when they must be, lines
/// folded at 80 columns, and a bare scalar printed as JSON.
/// </summary>
internal static class YamlOutputFormatter
{
    /// <summary>One YAML document for the whole value; nothing for an empty object.</summary>
    public static string Format(JsonNode? data) => data is JsonObject { Count: 0 } ? "" : Dump(data);

    /// <summary><c>yaml-stream</c>: each response (page) as a one-element list, one after the other.</summary>
    public static string FormatStream(IEnumerable<JsonNode?> responses) =>
        string.Concat(responses.Select(r => Dump(new JsonArray(r?.DeepClone()))));

    private static string Dump(JsonNode? data)
    {
        if (data is not (JsonObject or JsonArray))
        {
            // ruamel would end a bare scalar with "..."; the AWS CLI prints it as JSON instead.
            return PythonJsonWriter.Write(data) + "\n";
        }

        using var writer = new StringWriter();
        var emitter = new Emitter(writer, new EmitterSettings().WithBestWidth(80).WithBestIndent(2));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        Emit(emitter, data);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        // Tabs only occur inside double quotes (they are unprintable to libyaml), where libyaml writes them escaped.
        // libyaml indents the closing quote of a single-quoted value that ends with a line break; YamlDotNet puts it
        // in column 0, unless the value goes on after the break: hence the mark, written indented, then removed.
        return writer.ToString()
            .Replace("\r\n", "\n", StringComparison.Ordinal)
            .Replace("\t", "\\t", StringComparison.Ordinal)
            .Replace(ClosingQuoteMark + "'", "'", StringComparison.Ordinal);
    }

    private static void Emit(IEmitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                // Empty collections can only be written in flow style: {} and [].
                emitter.Emit(new MappingStart(null, null, isImplicit: true, obj.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var (key, value) in obj.OrderBy(p => p.Key, PythonStringComparer.Instance))
                {
                    EmitString(emitter, key, isKey: true);
                    Emit(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonArray array:
                emitter.Emit(new SequenceStart(null, null, isImplicit: true, array.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in array)
                {
                    Emit(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            default:
                EmitScalar(emitter, node);
                break;
        }
    }

    private static void EmitScalar(IEmitter emitter, JsonNode? node)
    {
        switch (node?.GetValueKind())
        {
            case null or JsonValueKind.Null:
                emitter.Emit(new Scalar(null, null, "null", ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
                break;
            case JsonValueKind.True or JsonValueKind.False:
                emitter.Emit(new Scalar(null, null, node.GetValueKind() == JsonValueKind.True ? "true" : "false", ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
                break;
            case JsonValueKind.Number:
                emitter.Emit(new Scalar(null, null, PythonJsonWriter.FormatNumber(node).ToLowerInvariant(), ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
                break;
            default:
                EmitString(emitter, node.GetValue<string>());
                break;
        }
    }

    // A private-use character no ECR value carries: it marks where a single-quoted value ends (see Dump).
    private const char ClosingQuoteMark = '\uE000';

    private static void EmitString(IEmitter emitter, string value, bool isKey = false)
    {
        var style = YamlScalarStyleChooser.Choose(value, isKey);
        if (style == ScalarStyle.SingleQuoted && value.EndsWith('\n') && !value.Contains(ClosingQuoteMark, StringComparison.Ordinal))
        {
            value += ClosingQuoteMark;
        }

        emitter.Emit(new Scalar(null, null, value, style, isPlainImplicit: true, isQuotedImplicit: true));
    }
}
