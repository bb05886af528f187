using System.Globalization;
using System.Text.Json.Nodes;
using EcrPublish.Cli.Output;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EcrPublish.Cli.Arguments;

/// <summary>
/// Reads a <c>--cli-input-yaml</c> document into the JSON the request is built from, with the types ruamel.yaml's
/// safe loader (YAML 1.2) gives: plain <c>true</c>, <c>12</c>, <c>1.5</c>, <c>null</c> are bool, int, float and
/// null; <c>yes</c> and anything quoted stay strings.
/// </summary>
internal static class YamlInputReader
{
    /// <summary>The document's value; null for an empty document.</summary>
    /// <exception cref="YamlException">The text is not YAML.</exception>
    public static JsonNode? Read(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Count switch
        {
            0 => null,
            1 => ToJson(stream.Documents[0].RootNode),
            _ => throw new YamlException("expected a single document in the stream"),
        };
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(p => KeyValuePair.Create(KeyText(p.Key), ToJson(p.Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new YamlException("anchors and aliases are not supported in --cli-input-yaml"),
    };

    private static string KeyText(YamlNode key) => key is YamlScalarNode { Value: { } value } ? value : key.ToString();

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain || !scalar.Tag.IsEmpty)
        {
            return JsonValue.Create(value);
        }

        if (YamlImplicitTypes.IsNull(value))
        {
            return null;
        }

        if (YamlImplicitTypes.IsBool(value))
        {
            return JsonValue.Create(value.Equals("true", StringComparison.OrdinalIgnoreCase));
        }

        if (YamlImplicitTypes.IsInt(value) && ParseInt(value.Replace("_", "", StringComparison.Ordinal)) is { } integer)
        {
            return JsonValue.Create(integer);
        }

        if (YamlImplicitTypes.IsFloat(value) && double.TryParse(value.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            // Kept as written so that 1.0 stays a float (the request validator tells int from float by the text).
            return JsonNode.Parse(number.ToString("R", CultureInfo.InvariantCulture) is var text && text.AsSpan().IndexOfAny(".eE") < 0 ? text + ".0" : text);
        }

        return JsonValue.Create(value);
    }

    private static long? ParseInt(string text)
    {
        var negative = text.StartsWith('-');
        var digits = text.TrimStart('-', '+');
        var (radix, body) = digits switch
        {
            _ when digits.StartsWith("0x", StringComparison.Ordinal) => (16, digits[2..]),
            _ when digits.StartsWith("0o", StringComparison.Ordinal) => (8, digits[2..]),
            _ when digits.StartsWith("0b", StringComparison.Ordinal) => (2, digits[2..]),
            _ => (10, digits),
        };
        try
        {
            var value = radix == 10 ? long.Parse(body, NumberStyles.None, CultureInfo.InvariantCulture) : Convert.ToInt64(body, radix);
            return negative ? -value : value;
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            return null;
        }
    }
}
