using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcrPublish.LocalEcr.Tests.Support;

/// <summary>
/// The shape of a JSON document as a set of <c>path:kind</c> strings (values ignored, array elements merged), so two
/// services' responses can be compared for field names and JSON types.
/// </summary>
internal static class JsonShape
{
    public static SortedSet<string> Of(JsonNode? node)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        Walk(node, "$", paths);
        return paths;
    }

    private static void Walk(JsonNode? node, string path, SortedSet<string> paths)
    {
        switch (node)
        {
            case null:
                paths.Add($"{path}:null");
                break;
            case JsonObject obj:
                paths.Add($"{path}:object");
                foreach (var (name, value) in obj)
                {
                    Walk(value, $"{path}.{name}", paths);
                }

                break;
            case JsonArray array:
                paths.Add($"{path}:array");
                foreach (var item in array)
                {
                    Walk(item, $"{path}[]", paths);
                }

                break;
            default:
                paths.Add($"{path}:{Kind(node.GetValueKind())}");
                break;
        }
    }

    private static string Kind(JsonValueKind kind) => kind is JsonValueKind.True or JsonValueKind.False ? "boolean" : kind.ToString().ToLowerInvariant();
}
