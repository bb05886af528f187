using System.Text;

namespace EcrPublish.Registry;

/// <summary>
/// One blob's entry in a registry's record of which repository holds it (<see cref="SharedBlobClaim"/>), open
/// exclusively: the file is its own lock, so while one publish holds it no other publish on this machine, in this
/// process or another, uploads that blob to that registry. The operating system drops the lock of a process that dies.
/// </summary>
internal sealed class BlobHolderEntry : IDisposable
{
    // Windows' ERROR_SHARING_VIOLATION and ERROR_LOCK_VIOLATION; on Unix .NET reports the held flock's errno,
    // EWOULDBLOCK (11 on Linux, 35 on macOS).
    private const int SharingViolation = 32;
    private const int LockViolation = 33;
    private const int WouldBlockLinux = 11;
    private const int WouldBlockMac = 35;

    private readonly FileStream _file;

    private BlobHolderEntry(FileStream file, string? holder, DateTime? writtenUtc)
    {
        _file = file;
        Holder = holder;
        WrittenUtc = writtenUtc;
    }

    /// <summary>The repository the entry names, as the last publish that pushed the blob left it; null when none.</summary>
    public string? Holder { get; }

    /// <summary>When the entry was last written; null when it names no repository.</summary>
    public DateTime? WrittenUtc { get; }

    /// <summary>Opens and locks the entry at <paramref name="path"/>; null while someone else holds it.</summary>
    /// <exception cref="IOException">The file cannot be opened for another reason.</exception>
    public static BlobHolderEntry? TryOpen(string path)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);
        }
        catch (IOException exception) when (IsHeldElsewhere(exception))
        {
            return null;
        }

        try
        {
            var buffer = new byte[Math.Min(file.Length, 512)];
            file.ReadExactly(buffer);
            var holder = Encoding.UTF8.GetString(buffer).Trim();
            return IsRepositoryName(holder)
                ? new BlobHolderEntry(file, holder, File.GetLastWriteTimeUtc(path))
                : new BlobHolderEntry(file, null, null);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Names <paramref name="repository"/> as the holder of the blob from now on.</summary>
    public void Remember(string repository)
    {
        // Written even when unchanged: the file's time says how fresh the record is.
        _file.SetLength(0);
        _file.Position = 0;
        _file.Write(Encoding.UTF8.GetBytes(repository + "\n"));
        _file.Flush(flushToDisk: false);
    }

    public void Dispose() => _file.Dispose();

    private static bool IsHeldElsewhere(IOException exception) =>
        OperatingSystem.IsWindows()
            ? (exception.HResult & 0xFFFF) is SharingViolation or LockViolation
            : exception.HResult is WouldBlockLinux or WouldBlockMac && exception is not (FileNotFoundException or DirectoryNotFoundException);

    // A torn or foreign entry names nobody: a mount from it would only cost a request.
    private static bool IsRepositoryName(string text) =>
        text.Length is > 0 and <= 256 && text.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '_' or '-' or '/');
}
