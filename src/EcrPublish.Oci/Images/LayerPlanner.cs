using System.Text.Json.Nodes;

namespace EcrPublish.Images;

/// <summary>
/// Splits a <c>dotnet publish</c> folder into layers driven by its <c>*.deps.json</c>, so that a
/// code-only change changes only the top (app) layer: runtime / stable packages / prerelease packages /
/// project references / static assets (wwwroot) / the app. Empty layers are left out. A large NuGet
/// package gets a layer of its own, so bumping it re-sends that package and not every other one.
/// </summary>
public static class LayerPlanner
{
    /// <summary>
    /// A package whose assets reach this size (bytes) gets its own layer. A typical service's packages are a few
    /// large ones and a long tail of small ones: the tail shares one layer of about a megabyte.
    /// </summary>
    public const long OwnLayerPackageSize = 256 * 1024;

    // Docker's overlay driver refuses images of more than 127 layers, base layers included: the largest
    // packages get their own layer, the rest share one.
    private const int MaxOwnPackageLayers = 32;

    public static LayerPlan Plan(string publishDirectory, string workingDirectory, string? appName = null)
    {
        if (!Directory.Exists(publishDirectory))
        {
            throw new ImageBuildException(ImageErrorCodes.PublishDirectoryMissing,
                $"The publish folder '{publishDirectory}' does not exist. Run dotnet publish first.");
        }

        var deps = DepsFile.Load(FindDepsFile(publishDirectory, appName));
        var kindByPath = new Dictionary<string, LayerKind>(StringComparer.Ordinal);
        var packageByPath = new Dictionary<string, DepsLibrary>(StringComparer.Ordinal);
        foreach (var library in deps.Libraries)
        {
            var kind = Classify(library, deps.AppName);
            if (kind == LayerKind.App)
            {
                continue;
            }

            foreach (var asset in library.AssetPaths)
            {
                kindByPath.TryAdd(asset, kind);
                if (kind is LayerKind.Packages or LayerKind.PrereleasePackages)
                {
                    packageByPath.TryAdd(asset, library);
                }

                if (kind == LayerKind.ProjectReferences)
                {
                    // A referenced project's symbols and docs travel with its assembly.
                    kindByPath.TryAdd(Path.ChangeExtension(asset, ".pdb"), kind);
                    kindByPath.TryAdd(Path.ChangeExtension(asset, ".xml"), kind);
                }
            }
        }

        var root = Path.GetFullPath(publishDirectory);
        var appHost = deps.AppName;
        var entries = PublishFolderWalker.Walk(root);
        var files = entries.Keys.Order(StringComparer.Ordinal);
        var ownLayerPackages = OwnLayerPackages(root, packageByPath);
        // Ordinal, never culture-sensitive: the layer order is part of the image digest on every machine.
        var byLayer = new SortedDictionary<(LayerKind Kind, string Name), List<LayerFile>>(Comparer<(LayerKind Kind, string Name)>.Create(
            (left, right) => left.Kind != right.Kind ? left.Kind.CompareTo(right.Kind) : string.CompareOrdinal(left.Name, right.Name)));
        foreach (var relative in files)
        {
            var kind = relative.StartsWith("wwwroot/", StringComparison.Ordinal) ? LayerKind.StaticAssets
                : kindByPath.TryGetValue(relative, out var known) ? known
                : LayerKind.App;
            var name = kind != LayerKind.StaticAssets && packageByPath.TryGetValue(relative, out var package) && ownLayerPackages.Contains(package)
                ? $"package {package.Name} {package.Version}"
                : LayerName(kind);
            var isAppHost = string.Equals(relative, appHost, StringComparison.Ordinal);
            if (!byLayer.TryGetValue((kind, name), out var layerFiles))
            {
                byLayer[(kind, name)] = layerFiles = [];
            }

            layerFiles.Add(new LayerFile(
                Path.Combine(root, relative),
                CombineContainerPath(workingDirectory, relative),
                isAppHost ? true : null,
                entries[relative]));
        }

        var layers = byLayer.Select(pair => new LayerContent(pair.Key.Name, pair.Value)).ToList();
        return new LayerPlan(deps.AppName, layers, IsSelfContained(root, deps), File.Exists(Path.Combine(root, appHost)));
    }

    private static HashSet<DepsLibrary> OwnLayerPackages(string root, Dictionary<string, DepsLibrary> packageByPath)
    {
        var sizes = new Dictionary<DepsLibrary, long>();
        foreach (var (relative, package) in packageByPath)
        {
            var file = new FileInfo(Path.Combine(root, relative));
            if (file.Exists)
            {
                sizes[package] = sizes.GetValueOrDefault(package) + file.Length;
            }
        }

        return [.. sizes
            .Where(pair => pair.Value >= OwnLayerPackageSize)
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key.Name, StringComparer.Ordinal)
            .Take(MaxOwnPackageLayers)
            .Select(pair => pair.Key)];
    }

    /// <summary>The short name used for a layer of this kind in history and progress.</summary>
    public static string LayerName(LayerKind kind) => kind switch
    {
        LayerKind.Runtime => "runtime",
        LayerKind.Packages => "packages",
        LayerKind.PrereleasePackages => "prerelease-packages",
        LayerKind.ProjectReferences => "project-references",
        LayerKind.StaticAssets => "static-assets",
        _ => "app",
    };

    private static LayerKind Classify(DepsLibrary library, string appName)
    {
        if (string.Equals(library.Name, appName, StringComparison.Ordinal))
        {
            return LayerKind.App;
        }

        return library.Type switch
        {
            "runtimepack" => LayerKind.Runtime,
            "project" => LayerKind.ProjectReferences,
            "package" when library.IsPrerelease => LayerKind.PrereleasePackages,
            "package" => LayerKind.Packages,
            _ => LayerKind.App,
        };
    }

    /// <summary>The deps.json of the publish folder: the app's own when its name is known, else the only one.</summary>
    public static string FindDepsFile(string publishDirectory, string? appName)
    {
        if (appName is not null)
        {
            var named = Path.Combine(publishDirectory, appName + ".deps.json");
            return File.Exists(named) ? named : throw new ImageBuildException(ImageErrorCodes.DepsFileInvalid,
                $"'{named}' does not exist. Check the app name or publish the project again.");
        }

        // With several deps files (e.g. a tool published next to the app) the app is the one with a runtimeconfig.
        var candidates = Directory.GetFiles(publishDirectory, "*.deps.json")
            .Where(path => File.Exists(path[..^".deps.json".Length] + ".runtimeconfig.json"))
            .ToList();
        return candidates.Count == 1 ? candidates[0] : throw new ImageBuildException(ImageErrorCodes.DepsFileInvalid,
            candidates.Count == 0
                ? $"No *.deps.json with a matching *.runtimeconfig.json in '{publishDirectory}'. Publish an executable project (OutputType Exe)."
                : $"Several apps in '{publishDirectory}' ({string.Join(", ", candidates.Select(Path.GetFileName))}). Name the one to containerize.");
    }

    private static bool IsSelfContained(string root, DepsFile deps)
    {
        var runtimeConfig = Path.Combine(root, deps.AppName + ".runtimeconfig.json");
        if (File.Exists(runtimeConfig) && JsonNode.Parse(File.ReadAllText(runtimeConfig))?["runtimeOptions"] is JsonObject options)
        {
            return options["includedFrameworks"] is not null || (options["framework"] is null && options["frameworks"] is null);
        }

        return deps.Libraries.Any(library => library.Type == "runtimepack");
    }

    internal static string CombineContainerPath(string workingDirectory, string relative) =>
        "/" + (workingDirectory.Trim('/').Length == 0 ? relative : workingDirectory.Trim('/') + "/" + relative);
}
