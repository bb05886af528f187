using System.Text.Json.Nodes;

namespace EcrPublish.LocalEcr.ControlPlane;

/// <summary>An <c>imageIds</c> entry: a tag, a digest, both or (invalidly) neither.</summary>
internal sealed record ImageIdentifier(string? Digest, string? Tag)
{
    public static ImageIdentifier From(JsonNode? node) => node is JsonObject id
        ? new ImageIdentifier(EcrCall.StringOf(id["imageDigest"], "imageDigest"), EcrCall.StringOf(id["imageTag"], "imageTag"))
        : throw EcrErrors.Serialization("'imageIds' entries must be objects");

    public static List<ImageIdentifier> ListFrom(EcrCall call, bool required)
    {
        var nodes = call.OptionalArray("imageIds", 1, 100);
        if (nodes is null)
        {
            return required ? throw EcrErrors.InvalidParameter("imageIds", "Member must not be null") : [];
        }

        return nodes.Select(From).ToList();
    }
}
