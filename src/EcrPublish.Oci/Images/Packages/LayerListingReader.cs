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
    private const int SniffBytes = 262;

    /// <param name="file">The layer blob (a cached download or a blob store file).</param>
    /// <param name="wantText">Which paths' contents to keep.</param>
    public static LayerListing Read(string file, Func<string, bool> wantText)
    {
        using var blob = File.OpenRead(file);
        return Read(blob, wantText, keepPath: null);
    }

    /// <summary>Reads a layer blob from a forward-only stream (a registry download), told gzip or tar by its first bytes.</summary>
    /// <param name="blob">The blob's bytes; read up to the tar's end, not closed.</param>
    /// <param name="wantText">Which paths' contents to keep.</param>
    /// <param name="keepPath">Which entry paths to list (every one when null); whiteouts are always listed, so a
    /// listing of kept paths stacks exactly as the full one restricted to those paths.</param>
    public static LayerListing Read(Stream blob, Func<string, bool> wantText, Func<string, bool>? keepPath)
    {
        ArgumentNullException.ThrowIfNull(blob);
        ArgumentNullException.ThrowIfNull(wantText);
        var header = new byte[SniffBytes];
        var read = blob.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        var whole = new PrefixedReadStream(header.AsMemory(0, read), blob);
        Stream? tarStream = read >= 2 && header[0] == 0x1f && header[1] == 0x8b
            ? new GZipStream(whole, CompressionMode.Decompress)
            : read >= SniffBytes && Encoding.ASCII.GetString(header, 257, 5) == "ustar" ? whole : null;
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

            if (keepPath is null || keepPath(path))
            {
                paths.Add(path);
            }

            if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile && entry.DataStream is { } data
                && entry.Length <= MaxTextBytes && wantText(path))
            {
                using var reader = new StreamReader(data, Encoding.UTF8);
                texts[path] = reader.ReadToEnd();
            }
        }

        return new LayerListing(paths, deleted, texts);
    }
}
