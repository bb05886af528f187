using System.Collections.Concurrent;
using EcrPublish.Images.Packages;

namespace EcrPublish.LocalEcr.Scanning;

/// <summary>
/// Lists the packages in an image by reading its layers (gzip or plain tar) in order, the way the filesystem stacks
/// them: a database file in a later layer replaces the same path from an earlier one. Blobs that are not tar layers
/// (the config) are skipped.
/// </summary>
internal static class ImagePackageReader
{
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

    private static List<LayerDatabase> ReadDatabases(string file) =>
        LayerListingReader.Read(file, path => KindOf(path) is not null).Texts
            .Select(text => new LayerDatabase(text.Key, KindOf(text.Key)!, text.Value))
            .ToList();

    private static string? KindOf(string path) => OsPackageDatabase.ManagerOf(path) switch
    {
        OsPackageManager.Dpkg => "dpkg",
        OsPackageManager.Apk => "apk",
        _ => path.EndsWith(".deps.json", StringComparison.Ordinal) ? "deps" : null,
    };
}
