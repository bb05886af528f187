using System.Text.Json.Nodes;

namespace EcrPublish.Images;

/// <summary>
/// Splits a <c>dotnet publish</c> folder into layers driven by its <c>*.deps.json</c>, so that a
/// code-only change changes only the top (app) layer: runtime / stable packages / prerelease packages /
/// project references / static assets (wwwroot) / the app. Empty layers are left out.
/// </summary>
public static class LayerPlanner
{
    public static LayerPlan Plan(string publishDirectory, string workingDirectory, string? appName = null)
    {
        if (!Directory.Exists(publishDirectory))
        {
            throw new ImageBuildException(ImageErrorCodes.PublishDirectoryMissing,
                $"The publish folder '{publishDirectory}' does not exist. Run dotnet publish first.");
        }

        var deps = DepsFile.Load(FindDepsFile(publishDirectory, appName));
        var kindByPath = new Dictionary<string, LayerKind>(StringComparer.Ordinal);
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
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        var byKind = Enum.GetValues<LayerKind>().ToDictionary(kind => kind, _ => new List<LayerFile>());
        foreach (var relative in files)
        {
            var kind = relative.StartsWith("wwwroot/", StringComparison.Ordinal) ? LayerKind.StaticAssets
                : kindByPath.TryGetValue(relative, out var known) ? known
                : LayerKind.App;
            var isAppHost = string.Equals(relative, appHost, StringComparison.Ordinal);
            byKind[kind].Add(new LayerFile(
                Path.Combine(root, relative),
                CombineContainerPath(workingDirectory, relative),
                isAppHost ? true : null));
        }

        var layers = byKind
            .Where(pair => pair.Value.Count > 0)
            .OrderBy(pair => pair.Key)
            .Select(pair => new LayerContent(LayerName(pair.Key), pair.Value))
            .ToList();
        return new LayerPlan(deps.AppName, layers, IsSelfContained(root, deps), File.Exists(Path.Combine(root, appHost)));
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

    private static string FindDepsFile(string publishDirectory, string? appName)
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
