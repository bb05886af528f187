namespace EcrPublish.FileSystem;

/// <summary>
/// Creates the temporary files and folders that hold build contexts, layers in the making or secrets so that only
/// their owner can read them (0600 files, 0700 folders on Unix): the temporary folder is shared by every user of
/// the machine. On Windows the user's temporary folder is already private, so nothing is changed there.
/// </summary>
public static class OwnerOnlyFiles
{
    /// <summary>rw------- (0600).</summary>
    public const UnixFileMode PrivateFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>rwx------ (0700).</summary>
    public const UnixFileMode PrivateDirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>
    /// A new file at <paramref name="path"/> (it must not exist), created owner-only: the mode is set as the file is
    /// created, so there is no moment in which another user could open it.
    /// </summary>
    public static FileStream CreateFile(string path, FileAccess access = FileAccess.Write, FileOptions options = FileOptions.None, int bufferSize = 1 << 16)
    {
        var streamOptions = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = access,
            Share = FileShare.None,
            Options = options,
            BufferSize = bufferSize,
        };
        if (!OperatingSystem.IsWindows())
        {
            streamOptions.UnixCreateMode = PrivateFileMode;
        }

        return new FileStream(path, streamOptions);
    }

    /// <summary>A new file with a random name in the system's temporary folder, created owner-only.</summary>
    public static FileStream CreateTemporaryFile(string prefix, string extension, FileOptions options = FileOptions.None, int bufferSize = 1 << 16) =>
        CreateFile(Path.Combine(Path.GetTempPath(), $"{prefix}{Guid.NewGuid():N}{extension}"), FileAccess.ReadWrite, options, bufferSize);

    /// <summary>
    /// Creates <paramref name="path"/> and its missing parents owner-only. A folder that already exists keeps its mode
    /// unless <paramref name="restrictExisting"/> is set (for folders that only this tool writes).
    /// </summary>
    public static DirectoryInfo CreateDirectory(string path, bool restrictExisting = false)
    {
        if (OperatingSystem.IsWindows())
        {
            return Directory.CreateDirectory(path);
        }

        var full = Path.GetFullPath(path);
        var existed = Directory.Exists(full);

        // Directory.CreateDirectory(path, mode) gives the mode to the last folder only: create the missing ones one by one.
        var missing = new Stack<string>();
        for (var folder = full; folder is not null && !Directory.Exists(folder); folder = Path.GetDirectoryName(folder))
        {
            missing.Push(folder);
        }

        while (missing.TryPop(out var folder))
        {
            Directory.CreateDirectory(folder, PrivateDirectoryMode);
        }

        var directory = new DirectoryInfo(full);
        if (existed && restrictExisting && (directory.UnixFileMode & ~PrivateDirectoryMode) != 0)
        {
            try
            {
                directory.UnixFileMode = PrivateDirectoryMode;
            }
            catch (UnauthorizedAccessException)
            {
                // Another user's folder (a cache shared on purpose): its mode is theirs to choose, and the work goes on.
            }
        }

        return directory;
    }
}
