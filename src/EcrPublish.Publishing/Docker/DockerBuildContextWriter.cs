using System.Formats.Tar;

namespace EcrPublish.Docker;

/// <summary>
/// Writes a build context plan as the tar stream the engine's build endpoint takes: entries in sorted order,
/// owned by root, with the files' own modes (so executables stay executable) and modification times.
/// </summary>
internal static class DockerBuildContextWriter
{
    public static async Task WriteAsync(DockerBuildContextPlan plan, Stream destination, CancellationToken cancellationToken)
    {
        var writer = new TarWriter(destination, TarEntryFormat.Pax, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            foreach (var entry in plan.Entries)
            {
                await WriteEntryAsync(writer, entry, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task WriteEntryAsync(TarWriter writer, DockerBuildContextEntry entry, CancellationToken cancellationToken)
    {
        switch (entry.Kind)
        {
            case DockerBuildContextEntryKind.Directory:
                await writer.WriteEntryAsync(Describe(new PaxTarEntry(TarEntryType.Directory, entry.Name + "/"), entry.SourcePath, DefaultDirectoryMode), cancellationToken)
                    .ConfigureAwait(false);
                break;
            case DockerBuildContextEntryKind.SymbolicLink:
                var link = new PaxTarEntry(TarEntryType.SymbolicLink, entry.Name)
                {
                    // A link's own mode is meaningless (and its target may not exist), so it is not read from disk.
                    Mode = DefaultDirectoryMode | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite,
                    ModificationTime = File.GetLastWriteTimeUtc(entry.SourcePath),
                };
                link.LinkName = new FileInfo(entry.SourcePath).LinkTarget!;
                await writer.WriteEntryAsync(link, cancellationToken).ConfigureAwait(false);
                break;
            default:
                var content = File.OpenRead(entry.SourcePath);
                await using (content.ConfigureAwait(false))
                {
                    var file = Describe(new PaxTarEntry(TarEntryType.RegularFile, entry.Name), entry.SourcePath, DefaultFileMode);
                    file.DataStream = content;
                    await writer.WriteEntryAsync(file, cancellationToken).ConfigureAwait(false);
                }

                break;
        }
    }

    private const UnixFileMode DefaultFileMode =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private const UnixFileMode DefaultDirectoryMode =
        DefaultFileMode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    private static PaxTarEntry Describe(PaxTarEntry entry, string sourcePath, UnixFileMode windowsMode)
    {
        entry.Mode = OperatingSystem.IsWindows() ? windowsMode : File.GetUnixFileMode(sourcePath);
        entry.ModificationTime = File.GetLastWriteTimeUtc(sourcePath);
        entry.Uid = 0;
        entry.Gid = 0;
        return entry;
    }
}
