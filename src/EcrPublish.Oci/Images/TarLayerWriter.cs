using System.Globalization;
using System.Text;

namespace EcrPublish.Images;

/// <summary>
/// Writes a layer tar that depends only on file names, contents, execute bits and link targets: entries sorted by
/// name (ordinal), every parent directory explicit, uid/gid 0 with empty owner names, modes 0644/0755
/// (0777 for symbolic links, stored as links), one fixed timestamp. Plain ustar headers; a PAX header (with a fixed name, unlike
/// System.Formats.Tar which embeds the process id) only for long or non-ASCII names and huge files.
/// </summary>
public static class TarLayerWriter
{
    private const int BlockSize = 512;
    private const long MaxOctalSize = 077777777777L;
    private const string PaxHeaderName = "PaxHeaders/entry";

    /// <summary>Writes the tar of <paramref name="files"/> to <paramref name="output"/>.</summary>
    public static void Write(Stream output, IEnumerable<LayerFile> files, DateTimeOffset timestamp)
    {
        var mtime = timestamp.ToUnixTimeSeconds();
        foreach (var entry in Plan(files))
        {
            if (entry.Source is null)
            {
                WriteHeader(output, entry.Name, '5', mode: 0b111_101_101, size: 0, mtime);
                continue;
            }

            if (entry.Source.LinkTarget is { } target)
            {
                // Stored, never followed: what it points at is checked to lie in the layer's folder by the planner.
                WriteHeader(output, entry.Name, '2', mode: 0b111_111_111, size: 0, mtime, target);
                continue;
            }

            using var source = new FileStream(entry.Source.SourcePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            var size = source.Length;
            WriteHeader(output, entry.Name, '0', IsExecutable(entry.Source) ? 0b111_101_101 : 0b110_100_100, size, mtime);
            CopyExactly(source, output, size, entry.Source.SourcePath);
            WritePadding(output, size);
        }

        output.Write(new byte[BlockSize * 2]);
    }

    /// <summary>The tar entry names in the order they are written (directories end with '/'); for tests and diagnostics.</summary>
    public static IReadOnlyList<string> EntryNames(IEnumerable<LayerFile> files) => Plan(files).Select(entry => entry.Name).ToList();

    private static List<(string Name, LayerFile? Source)> Plan(IEnumerable<LayerFile> files)
    {
        var entries = new SortedDictionary<string, LayerFile?>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var name = file.ContainerPath.Replace('\\', '/').TrimStart('/');
            if (name.Length == 0 || name.EndsWith('/') || name.Split('/').Any(part => part is "" or "." or ".."))
            {
                throw new ImageBuildException(ImageErrorCodes.InvalidOption, $"'{file.ContainerPath}' is not a valid file path in an image.");
            }

            if (entries.TryGetValue(name, out var existing) && existing is not null)
            {
                throw new ImageBuildException(ImageErrorCodes.InvalidOption,
                    $"'{file.ContainerPath}' would be written twice in one layer (from '{existing.SourcePath}' and '{file.SourcePath}').");
            }

            entries[name] = file;
            for (var slash = name.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = name.IndexOf('/', slash + 1))
            {
                entries.TryAdd(name[..(slash + 1)], null);
            }
        }

        return entries.Select(pair => (pair.Key, pair.Value)).ToList();
    }

    private static bool IsExecutable(LayerFile file)
    {
        if (file.Executable is { } forced)
        {
            return forced;
        }

        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(file.SourcePath) & anyExecute) != 0;
    }

    private static void WriteHeader(Stream output, string name, char typeFlag, int mode, long size, long mtime, string? linkName = null)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var linkBytes = Encoding.UTF8.GetBytes(linkName ?? string.Empty);
        var needsPaxPath = NeedsPax(nameBytes);
        var needsPaxLink = NeedsPax(linkBytes);
        var needsPaxSize = size > MaxOctalSize;
        if (needsPaxPath || needsPaxLink || needsPaxSize)
        {
            var records = new StringBuilder();
            if (needsPaxLink)
            {
                records.Append(PaxRecord("linkpath", linkName!));
            }

            if (needsPaxPath)
            {
                records.Append(PaxRecord("path", name));
            }

            if (needsPaxSize)
            {
                records.Append(PaxRecord("size", size.ToString(CultureInfo.InvariantCulture)));
            }

            var paxData = Encoding.UTF8.GetBytes(records.ToString());
            output.Write(BuildHeader(Encoding.ASCII.GetBytes(PaxHeaderName), 'x', 0b110_100_100, paxData.Length, mtime));
            output.Write(paxData);
            WritePadding(output, paxData.Length);
        }

        var headerName = needsPaxPath ? AsciiFallback(nameBytes) : nameBytes;
        var headerLink = needsPaxLink ? AsciiFallback(linkBytes) : linkBytes;
        output.Write(BuildHeader(headerName, typeFlag, mode, needsPaxSize ? 0 : size, mtime, headerLink));
    }

    private static bool NeedsPax(byte[] text) => text.Length > 100 || text.Any(b => b >= 0x80);

    private static byte[] BuildHeader(byte[] name, char typeFlag, int mode, long size, long mtime, byte[]? linkName = null)
    {
        var header = new byte[BlockSize];
        name.AsSpan(0, Math.Min(name.Length, 100)).CopyTo(header);
        linkName?.AsSpan(0, Math.Min(linkName.Length, 100)).CopyTo(header.AsSpan(157));
        WriteOctal(header, 100, 8, mode);
        WriteOctal(header, 108, 8, 0);
        WriteOctal(header, 116, 8, 0);
        WriteOctal(header, 124, 12, size);
        WriteOctal(header, 136, 12, mtime);
        header[156] = (byte)typeFlag;
        "ustar\000"u8.CopyTo(header.AsSpan(257));
        WriteOctal(header, 329, 8, 0);
        WriteOctal(header, 337, 8, 0);
        header.AsSpan(148, 8).Fill((byte)' ');
        var checksum = header.Sum(b => (int)b);
        WriteOctal(header, 148, 7, checksum);
        header[155] = (byte)' ';
        return header;
    }

    private static void WriteOctal(byte[] header, int offset, int length, long value)
    {
        var text = Convert.ToString(value, 8).PadLeft(length - 1, '0');
        Encoding.ASCII.GetBytes(text, 0, length - 1, header, offset);
        header[offset + length - 1] = 0;
    }

    private static string PaxRecord(string key, string value)
    {
        var payload = $" {key}={value}\n";
        var payloadLength = Encoding.UTF8.GetByteCount(payload);
        var length = payloadLength + 1;
        while (length.ToString(CultureInfo.InvariantCulture).Length + payloadLength != length)
        {
            length++;
        }

        return length.ToString(CultureInfo.InvariantCulture) + payload;
    }

    private static byte[] AsciiFallback(byte[] name)
    {
        var fallback = name.Select(b => b >= 0x80 ? (byte)'_' : b).ToArray();
        return fallback.Length <= 100 ? fallback : fallback[^100..];
    }

    private static void CopyExactly(Stream source, Stream output, long size, string path)
    {
        var buffer = new byte[1 << 16];
        var remaining = size;
        while (remaining > 0)
        {
            var read = source.Read(buffer, 0, (int)Math.Min(buffer.Length, remaining));
            if (read == 0)
            {
                throw new IOException($"'{path}' became shorter while it was being written into a layer.");
            }

            output.Write(buffer, 0, read);
            remaining -= read;
        }
    }

    private static void WritePadding(Stream output, long size)
    {
        var padding = (int)((BlockSize - (size % BlockSize)) % BlockSize);
        if (padding > 0)
        {
            output.Write(new byte[padding]);
        }
    }
}
