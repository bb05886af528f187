using System.Text.Json.Nodes;
using EcrPublish.Cli.ServiceModel;

namespace EcrPublish.Cli.Arguments;

/// <summary>
/// awscli's <c>BackCompatVisitor</c>: walks parsed shorthand alongside the model and turns the strings into
/// the model's types (integers, doubles, booleans) and single values into one-element lists where the model
/// wants a list (<c>tagPrefixList=v</c> becomes <c>["v"]</c>).
/// </summary>
internal static class ShorthandModelCoercer
{
    public static JsonNode Coerce(JsonNode value, ShapeModel shape) => Visit(value, shape) ?? value;

    // Returns the replacement for value, or null to keep it as it is.
    private static JsonNode? Visit(JsonNode? value, ShapeModel shape)
    {
        if (value is null)
        {
            return null;
        }

        switch (shape.Type)
        {
            case "structure":
                if (value is JsonObject structure)
                {
                    foreach (var member in shape.Members)
                    {
                        ReplaceMember(structure, member.Name, member.Shape);
                    }
                }

                return null;
            case "list":
                if (value is not JsonArray list)
                {
                    var element = Visit(value, shape.ListMember) ?? value;
                    return new JsonArray(element.DeepClone());
                }

                for (var i = 0; i < list.Count; i++)
                {
                    if (Visit(list[i], shape.ListMember) is { } replacement)
                    {
                        list[i] = replacement;
                    }
                }

                return null;
            case "map":
                if (value is JsonObject map)
                {
                    foreach (var key in map.Select(p => p.Key).ToList())
                    {
                        ReplaceMember(map, key, shape.MapValue);
                    }
                }

                return null;
            default:
                return CoerceScalar(value, shape.Type);
        }
    }

    private static void ReplaceMember(JsonObject parent, string name, ShapeModel shape)
    {
        if (parent[name] is { } child && Visit(child, shape) is { } replacement)
        {
            parent[name] = replacement;
        }
    }

    private static JsonValue? CoerceScalar(JsonNode value, string type)
    {
        if (value is not JsonValue scalar || !scalar.TryGetValue<string>(out var text))
        {
            return null;
        }

        return type switch
        {
            "integer" or "long" => JsonValue.Create(ScalarValueParser.ParseInteger(text)),
            "double" or "float" => JsonValue.Create(ScalarValueParser.ParseDouble(text)),
            "boolean" when text.Equals("true", StringComparison.OrdinalIgnoreCase) => JsonValue.Create(true),
            "boolean" when text.Equals("false", StringComparison.OrdinalIgnoreCase) => JsonValue.Create(false),
            _ => null,
        };
    }
}
