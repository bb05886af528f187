using System.Text.Json;
using System.Text.Json.Nodes;
using EcrPublish.Cli.ServiceModel;

namespace EcrPublish.Cli.Arguments;

/// <summary>
/// Turns the words given for one option into its request value with the AWS CLI's rules
/// (<c>awscli/argprocess.py</c>): <c>file://</c>/<c>fileb://</c> first, then shorthand for structures,
/// maps and lists of them unless the value starts with <c>{</c> or <c>[</c> (JSON), then scalars by type.
/// </summary>
internal static class ArgumentValueUnpacker
{
    private static readonly JsonDocumentOptions s_jsonOptions = new() { AllowTrailingCommas = false };

    public static JsonNode Unpack(string cliName, ShapeModel shape, IReadOnlyList<string> words)
    {
        if (words.Count == 1 && ParameterFileLoader.TryLoad(words[0], cliName) is { } file)
        {
            if (file.Text is null)
            {
                return shape.Type == "blob"
                    ? JsonValue.Create(Convert.ToBase64String(file.Bytes))
                    : UnpackWords(cliName, shape, [System.Text.Encoding.UTF8.GetString(file.Bytes)], singleValue: true);
            }

            return UnpackWords(cliName, shape, [file.Text], singleValue: true);
        }

        return UnpackWords(cliName, shape, words, singleValue: shape.Type != "list");
    }

    private static JsonNode UnpackWords(string cliName, ShapeModel shape, IReadOnlyList<string> words, bool singleValue)
    {
        var first = words.Count > 0 ? words[0] : "";
        if (SupportsShorthand(shape) && !first.TrimStart().StartsWith('[') && !first.TrimStart().StartsWith('{'))
        {
            return ParseShorthand(cliName, shape, words, singleValue);
        }

        return Unpack(cliName, shape, words, singleValue);
    }

    private static JsonNode ParseShorthand(string cliName, ShapeModel shape, IReadOnlyList<string> words, bool singleValue)
    {
        try
        {
            var parser = new ShorthandParser();
            JsonNode parsed = singleValue
                ? parser.Parse(words[0])
                : new JsonArray(words.Select(w => (JsonNode)parser.Parse(w)).ToArray());
            return ShorthandModelCoercer.Coerce(parsed, shape);
        }
        catch (Exception e) when (e is ShorthandSyntaxException or FormatException)
        {
            throw new ParameterException(cliName, e.Message);
        }
    }

    private static JsonNode Unpack(string cliName, ShapeModel shape, IReadOnlyList<string> words, bool singleValue)
    {
        switch (shape.Type)
        {
            case "structure" or "map":
                return words[0].TrimStart().StartsWith('{')
                    ? ParseJson(cliName, words[0])
                    : throw new ParameterException(cliName, "Invalid JSON:\n" + words[0]);
            case "list":
                if (words.Count == 1 && words[0].TrimStart().StartsWith('['))
                {
                    return ParseJson(cliName, words[0]);
                }

                try
                {
                    var elements = singleValue && words.Count == 1 ? [words[0]] : words;
                    return new JsonArray(elements.Select(w => Unpack(cliName, shape.ListMember, [w], singleValue: true)).ToArray());
                }
                catch (FormatException)
                {
                    throw new ParameterException(cliName, words[0]);
                }

            default:
                return UnpackScalar(shape, words[0]);
        }
    }

    private static JsonValue UnpackScalar(ShapeModel shape, string value) => shape.Type switch
    {
        "integer" or "long" => JsonValue.Create(ScalarValueParser.ParseInteger(value)),
        "double" or "float" => JsonValue.Create(ScalarValueParser.ParseDouble(value)),
        "boolean" => JsonValue.Create(!value.Equals("false", StringComparison.OrdinalIgnoreCase) && value.Length > 0),
        _ => JsonValue.Create(value),
    };

    private static JsonNode ParseJson(string cliName, string json)
    {
        try
        {
            return JsonNode.Parse(json, documentOptions: s_jsonOptions)
                ?? throw new ParameterException(cliName, "Invalid JSON: null\nJSON received: " + json);
        }
        catch (JsonException e)
        {
            throw new ParameterException(cliName, $"Invalid JSON: {e.Message}\nJSON received: {json}");
        }
    }

    // Shorthand is for structures, maps and lists of those (awscli's _supports_shorthand_syntax).
    private static bool SupportsShorthand(ShapeModel shape) => shape.Type switch
    {
        "structure" or "map" => true,
        "list" => shape.ListMember.Type is "structure" or "list" or "map",
        _ => false,
    };
}
