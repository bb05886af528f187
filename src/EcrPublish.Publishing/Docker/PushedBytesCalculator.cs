namespace EcrPublish.Docker;

/// <summary>
/// Works out how many bytes a push uploaded. The engine names layers by their diff id (uncompressed) while the
/// manifest gives the compressed sizes that travel; both lists are in the same order, so the i-th diff id's layer
/// is the i-th manifest layer.
/// </summary>
internal static class PushedBytesCalculator
{
    /// <summary>The compressed size of the uploaded layers; null when the two lists do not line up or the engine did not say which layers it uploaded.</summary>
    public static long? Sum(IReadOnlyList<string> diffIds, IReadOnlyList<long> manifestLayerSizes, IReadOnlySet<string>? pushedLayerIds)
    {
        if (pushedLayerIds is null || diffIds.Count != manifestLayerSizes.Count)
        {
            return null;
        }

        long total = 0;
        for (var i = 0; i < diffIds.Count; i++)
        {
            if (pushedLayerIds.Contains(ShortId(diffIds[i])))
            {
                total += manifestLayerSizes[i];
            }
        }

        return total;
    }

    // The engine's progress ids are stringid.TruncateID(diffID): the hex digits after "sha256:", cut to 12.
    private static string ShortId(string diffId)
    {
        var hex = diffId[(diffId.IndexOf(':', StringComparison.Ordinal) + 1)..];
        return hex.Length > 12 ? hex[..12] : hex;
    }
}
