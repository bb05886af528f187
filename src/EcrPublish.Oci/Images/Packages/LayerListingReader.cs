using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace EcrPublish.Images.Packages;

/// <summary>
/// Reads an image layer blob (gzip or plain tar) once: its entry paths, its whiteouts, and the text of the files the
/// caller wants (package databases, <c>os-release</c>). A blob that is not a tar layer (a config) lists nothing.
/// </summary>
public static class LayerListingReader
{
    private const long MaxTextBytes = 64 * 1024 * 1024;
    private const string WhiteoutPrefix = ".wh.";

    /// <param name="file">The layer blob (a cached download or a blob store file).</param>
    /// <param name="wantText">Which paths' contents to keep.</param>
    public static LayerListing Read(string file, Func<string, bool> wantText)
    {
        using var tarStream = OpenTar(file);
        if (tarStream is null)
        {
            return LayerListing.Empty;
        }

        List<string> paths = [];
        List<string> deleted = [];
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        using var tar = new TarReader(tarStream);
        while (tar.GetNextEntry() is { } entry)
        {
            var path = entry.Name.TrimStart('.', '/').TrimEnd('/');
            var name = Path.GetFileName(path);
            if (name.StartsWith(WhiteoutPrefix, StringComparison.Ordinal))
            {
                // ".wh..wh..opq" (opaque folder) hides everything below it; ".wh.NAME" deletes NAME.
                var folder = path[..^name.Length].TrimEnd('/');
                deleted.Add(name == ".wh..wh..opq" ? folder : (folder.Length == 0 ? "" : folder + "/") + name[WhiteoutPrefix.Length..]);
                continue;
            }

            paths.Add(path);
            if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile && entry.DataStream is { } data
                && entry.Length <= MaxTextBytes && wantText(path))
            {
                using var reader = new StreamReader(data, Encoding.UTF8);
                texts[path] = reader.ReadToEnd();
            }
        }

        return new LayerListing(paths, deleted, texts);
    }

    private static Stream? OpenTar(string file)
    {
        var header = new byte[262];
        int read;
        using (var probe = File.OpenRead(file))
        {
            read = probe.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }

        if (read >= 2 && header[0] == 0x1f && header[1] == 0x8b)
        {
            return new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
        }

        return read >= 262 && Encoding.ASCII.GetString(header, 257, 5) == "ustar" ? File.OpenRead(file) : null;
    }
}
