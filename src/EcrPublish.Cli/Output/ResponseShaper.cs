using System.Text.Json;
using System.Text.Json.Nodes;
using EcrPublish.Cli.ServiceModel;

namespace EcrPublish.Cli.Output;

/// <summary>
/// Shapes a wire response the way botocore's JSON parser does before the AWS CLI prints it: only modelled
/// members, in model order, nulls dropped, timestamps as ISO 8601 in the local time zone.
/// </summary>
internal static class ResponseShaper
{
    public static JsonObject Shape(JsonElement response, ShapeModel? output, TimeZoneInfo zone)
    {
        if (output is null || response.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        return (JsonObject)ShapeValue(response, output, zone)!;
    }

    private static JsonNode? ShapeValue(JsonElement value, ShapeModel shape, TimeZoneInfo zone)
    {
        switch (shape.Type)
        {
            case "structure" when value.ValueKind == JsonValueKind.Object:
                var structure = new JsonObject();
                foreach (var member in shape.Members)
                {
                    if (value.TryGetProperty(member.Name, out var child) && child.ValueKind != JsonValueKind.Null)
                    {
                        structure[member.Name] = ShapeValue(child, member.Shape, zone);
                    }
                }

                return structure;
            case "list" when value.ValueKind == JsonValueKind.Array:
                return new JsonArray(value.EnumerateArray().Select(e => ShapeValue(e, shape.ListMember, zone)).ToArray());
            case "map" when value.ValueKind == JsonValueKind.Object:
                var map = new JsonObject();
                foreach (var property in value.EnumerateObject())
                {
                    map[property.Name] = ShapeValue(property.Value, shape.MapValue, zone);
                }

                return map;
            case "timestamp" when value.ValueKind == JsonValueKind.Number:
                return PythonIsoTimestamp.FromEpochSeconds(value.GetDouble(), zone);
            case "timestamp" when value.ValueKind == JsonValueKind.String:
                return PythonIsoTimestamp.FromText(value.GetString()!, zone) ?? value.GetString();
            default:
                return value.ValueKind == JsonValueKind.Null ? null : JsonNode.Parse(value.GetRawText());
        }
    }

    /// <summary>The value of a dotted path (<c>imageScanFindings.findings</c>) in a shaped response, or null.</summary>
    public static JsonNode? Search(JsonNode? node, string dottedPath)
    {
        foreach (var part in dottedPath.Split('.'))
        {
            node = node is JsonObject obj && obj.TryGetPropertyValue(part, out var child) ? child : null;
        }

        return node;
    }

    /// <summary>botocore's <c>set_value_from_jmespath</c>: sets a dotted path, creating objects on the way.</summary>
    public static void SetPath(JsonObject target, string dottedPath, JsonNode? value)
    {
        var parts = dottedPath.Split('.');
        var current = target;
        foreach (var part in parts[..^1])
        {
            if (current[part] is not JsonObject next)
            {
                next = [];
                current[part] = next;
            }

            current = next;
        }

        current[parts[^1]] = value;
    }
}
