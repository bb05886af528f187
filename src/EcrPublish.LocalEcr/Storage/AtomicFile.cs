namespace EcrPublish.LocalEcr.Storage;

/// <summary>
/// Writes files so that a reader (or a restart after a kill) sees either the old content or the new, never a torn one:
/// the bytes go to a temporary file in the same directory, are flushed to disk, and the file is renamed over the target, and the directory is flushed so the rename is durable too.
/// </summary>
internal static class AtomicFile
{
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> content)
    {
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        var temporary = TemporaryPathFor(path);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
            DirectorySync.Flush(directory);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>A unique sibling path for a temporary file; the ".tmp-" prefix marks leftovers of a killed process.</summary>
    public static string TemporaryPathFor(string path) =>
        Path.Combine(Path.GetDirectoryName(path)!, ".tmp-" + Guid.NewGuid().ToString("N") + "-" + Path.GetFileName(path));
}
