using System.Text.Json.Nodes;
using EcrPublish.Cli.ServiceModel;

namespace EcrPublish.Cli.Execution;

/// <summary>
/// <c>--generate-cli-skeleton</c>: botocore's <c>ArgumentGenerator</c>. The input skeleton has empty strings (or
/// an enum's first value), zeros and <c>true</c>; the output skeleton names each string after its member. Every
/// list has one element, every map one <c>KeyName</c>, and a shape already being generated is not entered twice.
/// </summary>
internal static class OperationSkeleton
{
    /// <summary>botocore's sample timestamp, 1970-01-01 00:00:00, as json.dump writes it (isoformat).</summary>
    public const string JsonEpoch = "1970-01-01T00:00:00";

    /// <summary>The same sample timestamp as the text and table formatters write it (Python's str()).</summary>
    public const string TextEpoch = "1970-01-01 00:00:00";

    /// <summary>A sample request for <c>--cli-input-json</c>.</summary>
    public static JsonObject Input(OperationModel operation) =>
        operation.Input is { } shape ? (JsonObject)Generate(shape, [], "", useMemberNames: false, JsonEpoch)! : [];

    /// <summary>A sample response, printed as the operation's response would be, with timestamps as <paramref name="epoch"/>.</summary>
    public static JsonObject Output(OperationModel operation, string epoch) =>
        operation.Output is { } shape ? (JsonObject)Generate(shape, [], "", useMemberNames: true, epoch)! : [];

    private static JsonNode? Generate(ShapeModel shape, List<string> stack, string name, bool useMemberNames, string epoch)
    {
        stack.Add(shape.Name);
        try
        {
            switch (shape.Type)
            {
                case "structure":
                    var structure = new JsonObject();
                    if (stack.Count(s => s == shape.Name) > 1)
                    {
                        return structure;
                    }

                    foreach (var member in shape.Members)
                    {
                        structure[member.Name] = Generate(member.Shape, stack, member.Name, useMemberNames, epoch);
                    }

                    return structure;
                case "list":
                    return new JsonArray(Generate(shape.ListMember, stack, useMemberNames ? shape.ListMember.Name : "", useMemberNames, epoch));
                case "map":
                    return new JsonObject { ["KeyName"] = Generate(shape.MapValue, stack, "", useMemberNames, epoch) };
                case "string":
                    return useMemberNames ? name : shape.EnumValues.Count > 0 ? shape.EnumValues[0] : "";
                case "integer" or "long":
                    return 0;
                case "float" or "double":
                    return JsonNode.Parse("0.0");
                case "boolean":
                    return true;
                case "timestamp":
                    return epoch;
                default:
                    // Blobs: botocore's generator has no sample for them.
                    return null;
            }
        }
        finally
        {
            stack.RemoveAt(stack.Count - 1);
        }
    }
}
