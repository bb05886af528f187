using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcrPublish.Images;

/// <summary>
/// The parts of a <c>*.deps.json</c> the layer planner and the SBOM need: the libraries of the runtime target, their
/// assets, hashes and dependencies.
/// </summary>
public sealed class DepsFile
{
    private DepsFile(string appName, IReadOnlyList<DepsLibrary> libraries)
    {
        AppName = appName;
        Libraries = libraries;
    }

    /// <summary>The app (the file name without <c>.deps.json</c>).</summary>
    public string AppName { get; }

    public IReadOnlyList<DepsLibrary> Libraries { get; }

    public static DepsFile Load(string path)
    {
        var appName = Path.GetFileName(path)[..^".deps.json".Length];
        try
        {
            return Parse(appName, File.ReadAllBytes(path));
        }
        catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException)
        {
            throw new ImageBuildException(ImageErrorCodes.DepsFileInvalid,
                $"'{path}' is not a valid deps.json ({exception.Message}). Publish the project again.", exception);
        }
    }

    public static DepsFile Parse(string appName, ReadOnlySpan<byte> json)
    {
        var root = JsonNode.Parse(json) ?? throw new FormatException("empty document");
        var targetName = root["runtimeTarget"]?["name"]?.GetValue<string>();
        var targets = root["targets"]?.AsObject() ?? throw new FormatException("no targets");
        var target = (targetName is not null ? targets[targetName] : targets.FirstOrDefault().Value)?.AsObject()
            ?? throw new FormatException($"runtime target '{targetName}' missing");
        var libraries = root["libraries"]?.AsObject();

        var result = new List<DepsLibrary>();
        foreach (var (key, entry) in target)
        {
            var slash = key.IndexOf('/', StringComparison.Ordinal);
            var name = slash > 0 ? key[..slash] : key;
            var version = slash > 0 ? key[(slash + 1)..] : "";
            var library = libraries?[key];
            var type = library?["type"]?.GetValue<string>() ?? "package";
            var sha512 = library?["sha512"]?.GetValue<string>();
            result.Add(new DepsLibrary(name, version, type, AssetPaths(entry).ToList())
            {
                Sha512 = string.IsNullOrEmpty(sha512) ? null : sha512,
                Dependencies = entry?["dependencies"]?.AsObject().Select(dependency => dependency.Key).ToList() ?? [],
            });
        }

        return new DepsFile(appName, result);
    }

    // Publishing flattens runtime and native assets to the folder root (RID-specific publish) or keeps
    // runtimeTargets paths (portable publish); resources go under their culture folder.
    private static IEnumerable<string> AssetPaths(JsonNode? entry)
    {
        if (entry is null)
        {
            yield break;
        }

        foreach (var group in new[] { "runtime", "native" })
        {
            foreach (var (path, _) in entry[group]?.AsObject() ?? [])
            {
                yield return path;
                yield return Path.GetFileName(path);
            }
        }

        foreach (var (path, _) in entry["runtimeTargets"]?.AsObject() ?? [])
        {
            yield return path;
        }

        foreach (var (path, asset) in entry["resources"]?.AsObject() ?? [])
        {
            yield return path;
            if (asset?["locale"]?.GetValue<string>() is { } locale)
            {
                yield return locale + "/" + Path.GetFileName(path);
            }
        }
    }
}
