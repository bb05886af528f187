using System.Runtime.InteropServices;

namespace EcrPublish.LocalEcr.Storage;

/// <summary>
/// Flushes a directory's entries to disk (fsync on the directory), so a rename that published a file survives a power
/// loss: flushing the file alone makes its bytes durable, not its name. .NET cannot open a directory, hence libc.
/// </summary>
internal static class DirectorySync
{
    private const int ReadOnlyDirectory = 0x10000; // O_RDONLY | O_DIRECTORY on Linux

    /// <summary>Whether the directory was flushed; false where the platform has no such call (Windows, macOS here).</summary>
    public static bool Flush(string directory)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        var descriptor = Open(System.Text.Encoding.UTF8.GetBytes(directory + "\0"), ReadOnlyDirectory);
        if (descriptor < 0)
        {
            return false;
        }

        try
        {
            return Fsync(descriptor) == 0;
        }
        finally
        {
            _ = Close(descriptor);
        }
    }

    // DllImport with a byte array (the NUL-terminated UTF-8 path) needs no unsafe code and no string marshalling.
    [DllImport("libc", EntryPoint = "open")]
    private static extern int Open(byte[] path, int flags);

    [DllImport("libc", EntryPoint = "fsync")]
    private static extern int Fsync(int descriptor);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int descriptor);
}
