namespace EcrPublish.LocalEcr.Security;

/// <summary>Creates directories that only their owner can enter (0700 on Unix): LocalEcr's data holds images and tokens' keys.</summary>
internal static class OwnerOnlyDirectory
{
    public static void Create(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
