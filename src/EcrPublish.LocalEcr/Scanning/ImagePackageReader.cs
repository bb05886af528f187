using System.Collections.Concurrent;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace EcrPublish.LocalEcr.Scanning;

/// <summary>
/// Lists the packages in an image by reading its layers (gzip or plain tar) in order, the way the filesystem stacks
/// them: a database file in a later layer replaces the same path from an earlier one. Blobs that are not tar layers
/// (the config) are skipped.
/// </summary>
internal static class ImagePackageReader
{
    private const long MaxDatabaseBytes = 64 * 1024 * 1024;

    // Layers are content-addressed (the file is named by its digest), so what one holds never changes: the base
    // image's layers, shared by every image built on it, are decompressed once per process instead of once per scan.
    private const int MaxCachedLayers = 4096;
    private static readonly ConcurrentDictionary<string, IReadOnlyList<LayerDatabase>> s_layerDatabases = new(StringComparer.Ordinal);

    public static List<InstalledPackage> Read(IEnumerable<string> layerFiles)
    {
        var databases = new Dictionary<string, LayerDatabase>(StringComparer.Ordinal);
        foreach (var file in layerFiles)
        {
            foreach (var database in DatabasesIn(file))
            {
                databases[database.Path] = database;
            }
        }

        return databases.Values.SelectMany(database => database.Kind switch
        {
            "dpkg" => PackageDatabaseReader.Dpkg(database.Text),
            "apk" => PackageDatabaseReader.Apk(database.Text),
            _ => PackageDatabaseReader.DepsJson(database.Text),
        }).ToList();
    }

    private static IReadOnlyList<LayerDatabase> DatabasesIn(string file)
    {
        if (s_layerDatabases.TryGetValue(file, out var cached))
        {
            return cached;
        }

        var found = ReadDatabases(file);
        if (s_layerDatabases.Count >= MaxCachedLayers)
        {
            s_layerDatabases.Clear();
        }

        s_layerDatabases[file] = found;
        return found;
    }

    private static List<LayerDatabase> ReadDatabases(string file)
    {
        var found = new List<LayerDatabase>();
        using var stream = OpenLayer(file);
        if (stream is null)
        {
            return found;
        }

        using var tar = new TarReader(stream);
        while (tar.GetNextEntry() is { } entry)
        {
            var path = entry.Name.TrimStart('.', '/');
            var kind = KindOf(path);
            if (kind is not null && entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile
                && entry.DataStream is { } data && entry.Length <= MaxDatabaseBytes)
            {
                using var reader = new StreamReader(data, Encoding.UTF8);
                found.Add(new LayerDatabase(path, kind, reader.ReadToEnd()));
            }
        }

        return found;
    }

    private static string? KindOf(string path)
    {
        if (path == "var/lib/dpkg/status" || path.StartsWith("var/lib/dpkg/status.d/", StringComparison.Ordinal))
        {
            return "dpkg";
        }

        if (path == "lib/apk/db/installed")
        {
            return "apk";
        }

        return path.EndsWith(".deps.json", StringComparison.Ordinal) ? "deps" : null;
    }

    private static Stream? OpenLayer(string file)
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
