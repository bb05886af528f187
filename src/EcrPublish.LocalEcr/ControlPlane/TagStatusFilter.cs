namespace EcrPublish.LocalEcr.ControlPlane;

/// <summary>The <c>filter.tagStatus</c> member of ListImages, DescribeImages and GetLifecyclePolicyPreview.</summary>
internal static class TagStatusFilter
{
    private static readonly string[] Values = ["TAGGED", "UNTAGGED", "ANY"];

    /// <summary>TAGGED, UNTAGGED or ANY (the default).</summary>
    public static string Read(EcrCall call)
    {
        var filter = call.OptionalObject("filter");
        var status = filter is null ? null : EcrCall.StringOf(filter["tagStatus"], "tagStatus");
        if (status is not null && !Values.Contains(status, StringComparer.Ordinal))
        {
            throw EcrErrors.InvalidParameter("filter.tagStatus", "Member must satisfy enum value set: [TAGGED, UNTAGGED, ANY]");
        }

        return status ?? "ANY";
    }

    public static bool Matches(string tagStatus, bool isTagged) => tagStatus switch
    {
        "TAGGED" => isTagged,
        "UNTAGGED" => !isTagged,
        _ => true,
    };
}
