namespace EcrPublish.Images;

/// <summary>
/// Lists what a publish folder puts into an image without ever following a symbolic link: a link becomes a
/// link entry (as the Docker build context stores it), a linked folder is not entered (so a loop such as
/// <c>wwwroot/loop -&gt; ..</c> adds one entry), and a link whose target leaves the folder is refused,
/// because the image would point at, or the next tool would copy, a file the publish never produced.
/// </summary>
internal static class PublishFolderWalker
{
    /// <summary>Relative path ('/'-separated) of every file and link, mapped to the link's target (null for a file).</summary>
    public static Dictionary<string, string?> Walk(string root)
    {
        var entries = new Dictionary<string, string?>(StringComparer.Ordinal);
        Walk(Path.GetFullPath(root), Path.GetFullPath(root), entries);
        return entries;
    }

    private static void Walk(string root, string directory, Dictionary<string, string?> entries)
    {
        foreach (var info in new DirectoryInfo(directory).EnumerateFileSystemInfos())
        {
            var relative = Path.GetRelativePath(root, info.FullName).Replace('\\', '/');
            if (!info.Exists && info.LinkTarget is null)
            {
                // .NET decodes a name that is not UTF-8 with replacement characters, so the name it hands back opens nothing.
                throw new ImageBuildException(ImageErrorCodes.UnreadableFileName,
                    $"'{relative}' in the publish folder cannot be opened: its name is not valid UTF-8 (or it vanished during the build). Rename the file with UTF-8 characters.");
            }

            if (info.LinkTarget is { } target)
            {
                entries[relative] = LinkTargetInside(root, info, target, relative);
            }
            else if (info is DirectoryInfo)
            {
                Walk(root, info.FullName, entries);
            }
            else
            {
                entries[relative] = null;
            }
        }
    }

    private static string LinkTargetInside(string root, FileSystemInfo link, string target, string relative)
    {
        var linkFolder = Path.GetDirectoryName(link.FullName)!;
        var resolved = Path.GetFullPath(target, linkFolder);
        if (!IsInside(root, resolved))
        {
            throw new ImageBuildException(ImageErrorCodes.LinkLeavesPublishFolder,
                $"The symbolic link '{relative}' in the publish folder points at '{target}', outside the publish folder '{root}'. Copy the file into the publish output (e.g. a Content item with CopyToPublishDirectory) instead of linking to it.");
        }

        // An absolute target is a path on this machine: inside the image the same file sits under the working directory.
        return Path.IsPathRooted(target) ? Path.GetRelativePath(linkFolder, resolved).Replace('\\', '/') : target.Replace('\\', '/');
    }

    private static bool IsInside(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path);
        return relative == "." || !(relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || relative.StartsWith("..\\", StringComparison.Ordinal) || Path.IsPathRooted(relative));
    }
}
