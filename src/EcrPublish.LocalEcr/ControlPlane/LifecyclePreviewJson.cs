using System.Text.Json.Nodes;
using EcrPublish.Lifecycle;

namespace EcrPublish.LocalEcr.ControlPlane;

/// <summary>GetLifecyclePolicyPreview's <c>previewResults[]</c> and <c>summary</c> in ECR's wire spelling (upper-case enums).</summary>
internal static class LifecyclePreviewJson
{
    public static JsonObject Result(LifecyclePreviewResult result)
    {
        var action = new JsonObject { ["type"] = Wire(result.Action.Type) };
        if (result.Action.TargetStorageClass is { } target)
        {
            action["targetStorageClass"] = Wire(target);
        }

        var json = new JsonObject();
        if (result.ImageTags.Count > 0)
        {
            json["imageTags"] = new JsonArray(result.ImageTags.Select(tag => (JsonNode)JsonValue.Create(tag)).ToArray());
        }

        json["imageDigest"] = result.ImageDigest;
        json["imagePushedAt"] = EcrJson.Timestamp(result.ImagePushedAt);
        json["action"] = action;
        json["appliedRulePriority"] = result.AppliedRulePriority;
        json["storageClass"] = Wire(result.StorageClass);
        return json;
    }

    public static JsonObject Summary(LifecyclePreviewSummary summary) => new()
    {
        ["expiringImageTotalCount"] = summary.ExpiringImageTotalCount,
        ["transitioningImageTotalCounts"] = new JsonArray(summary.TransitioningImageTotalCounts
            .Select(count => (JsonNode)new JsonObject { ["targetStorageClass"] = Wire(count.TargetStorageClass), ["imageTotalCount"] = count.ImageTotalCount })
            .ToArray()),
    };

    private static string Wire<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString().ToUpperInvariant();
}
