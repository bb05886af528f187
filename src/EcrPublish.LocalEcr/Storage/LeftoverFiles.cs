namespace EcrPublish.LocalEcr.Storage;

/// <summary>
/// Removes what a killed LocalEcr left half-written: <c>.tmp-*</c> files of <see cref="AtomicFile"/> and
/// <c>*.incoming-*</c> blobs being copied in. Run at start, before any request can be writing such a file.
/// </summary>
internal static class LeftoverFiles
{
    public static int Sweep(string dataDirectory)
    {
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(dataDirectory, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(file);
            if (name.StartsWith(".tmp-", StringComparison.Ordinal) || name.Contains(".incoming-", StringComparison.Ordinal))
            {
                File.Delete(file);
                removed++;
            }
        }

        return removed;
    }
}
