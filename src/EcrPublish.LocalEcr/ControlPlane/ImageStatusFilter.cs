using EcrPublish.LocalEcr.Storage;

namespace EcrPublish.LocalEcr.ControlPlane;

/// <summary>
/// The <c>filter.imageStatus</c> member of ListImages and DescribeImages: ACTIVE, ARCHIVED, ACTIVATING or ANY. The
/// model says "If not specified, only images with ACTIVE status are returned". The value set is checked against the
/// model before the operation runs (<see cref="InputShapeValidator"/>).
/// </summary>
internal static class ImageStatusFilter
{
    public static string Read(EcrCall call) =>
        call.OptionalObject("filter") is { } filter ? EcrCall.StringOf(filter["imageStatus"], "imageStatus") ?? "ACTIVE" : "ACTIVE";

    public static bool Matches(string imageStatus, ImageRecord image, DateTimeOffset now) =>
        imageStatus == "ANY" || image.StatusAt(now) == imageStatus;
}
