using System.Globalization;

namespace EcrPublish.Registry;

/// <summary>Reads the <c>Range</c> header of an upload session's answer: <c>0-&lt;last byte&gt;</c> (some registries write <c>bytes=0-...</c>).</summary>
internal static class UploadRange
{
    /// <summary>The offset after the last byte the registry holds; null when it sent no usable Range.</summary>
    public static long? NextOffset(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Range", out var values))
        {
            return null;
        }

        var text = values.First().Trim();
        if (text.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase))
        {
            text = text["bytes=".Length..];
        }

        var dash = text.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 &&
            long.TryParse(text.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var first) && first == 0 &&
            long.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var last) && last >= 0
            ? last + 1
            : null;
    }
}
