using System.Text.Json;
using System.Text.Json.Nodes;
using EcrPublish.Images;
using EcrPublish.Images.Packages;

namespace EcrPublish.SupplyChain;

/// <summary>
/// Finds the .NET shared frameworks an app runs on and their exact versions: a self-contained app carries them
/// (deps.json's <c>runtimepack</c> libraries); a framework-dependent app names them in its runtimeconfig.json and the
/// base image provides them (its config's <c>DOTNET_VERSION</c>/<c>ASPNET_VERSION</c>, as Microsoft's images set,
/// else the folders under <c>usr/share/dotnet/shared/</c> or <c>usr/lib/dotnet/shared/</c>).
/// </summary>
internal static class RuntimeFrameworkResolver
{
    private const string NetCoreApp = "Microsoft.NETCore.App";
    private static readonly string[] s_sharedRoots = ["usr/share/dotnet/shared/", "usr/lib/dotnet/shared/"];
    private static readonly Dictionary<string, string> s_versionVariables = new(StringComparer.Ordinal)
    {
        [NetCoreApp] = "DOTNET_VERSION",
        ["Microsoft.AspNetCore.App"] = "ASPNET_VERSION",
    };

    /// <summary>Whether <paramref name="path"/> (relative, no leading slash) lies under a shared-framework root the base image's frameworks are looked for in.</summary>
    public static bool IsUnderSharedRoot(string path) => s_sharedRoots.Any(root => path.StartsWith(root, StringComparison.Ordinal));

    public static IReadOnlyList<RuntimeFramework> FromRuntimePacks(DepsFile deps) =>
        deps.Libraries.Where(library => library.Type == "runtimepack").Select(library =>
        {
            var pack = library.Name.StartsWith("runtimepack.", StringComparison.Ordinal) ? library.Name["runtimepack.".Length..] : library.Name;
            var runtime = pack.IndexOf(".Runtime.", StringComparison.Ordinal);
            return new RuntimeFramework(runtime > 0 ? pack[..runtime] : pack, library.Version, pack);
        }).ToList();

    /// <summary>The frameworks runtimeconfig.json asks for (and Microsoft.NETCore.App, which every other one needs), by name and requested version.</summary>
    public static IReadOnlyList<(string Name, string Version)> Requested(string runtimeConfigPath)
    {
        try
        {
            var options = JsonNode.Parse(File.ReadAllText(runtimeConfigPath))?["runtimeOptions"];
            var listed = (options?["frameworks"]?.AsArray().Select(node => node) ?? [])
                .Append(options?["framework"])
                .Where(node => node?["name"] is not null)
                .Select(node => (Name: node!["name"]!.GetValue<string>(), Version: node["version"]?.GetValue<string>() ?? ""))
                .ToList();
            if (listed.Count > 0 && listed.All(framework => framework.Name != NetCoreApp))
            {
                listed.Add((NetCoreApp, listed[0].Version));
            }

            return listed;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or IOException)
        {
            throw new SupplyChainException(SupplyChainErrorCodes.RuntimeConfigInvalid,
                $"'{runtimeConfigPath}' could not be read as a runtimeconfig.json ({exception.Message}). Publish the project again.", exception);
        }
    }

    public static IReadOnlyList<RuntimeFramework> FromBaseImage(
        IReadOnlyList<(string Name, string Version)> requested, IReadOnlyDictionary<string, string> environment, ImageFileSystem files, string? baseReference)
    {
        return requested.Select(framework => new RuntimeFramework(framework.Name, VersionOf(framework) ?? throw Missing(framework), null)).ToList();

        string? VersionOf((string Name, string Version) framework)
        {
            if (s_versionVariables.TryGetValue(framework.Name, out var variable) && environment.TryGetValue(variable, out var fromEnvironment)
                && fromEnvironment.Length > 0)
            {
                return fromEnvironment;
            }

            var major = framework.Version.Split('.')[0] + ".";
            return s_sharedRoots.SelectMany(root => FolderVersions(files, root + framework.Name + "/"))
                .Where(version => version.StartsWith(major, StringComparison.Ordinal))
                .OrderBy(version => Version.TryParse(version.Split('-')[0], out var parsed) ? parsed : new Version())
                .ThenBy(version => version, StringComparer.Ordinal)
                .LastOrDefault();
        }

        SupplyChainException Missing((string Name, string Version) framework) => new(SupplyChainErrorCodes.FrameworkNotInBaseImage,
            $"The app needs {framework.Name} {framework.Version}, but the base image {baseReference ?? "(none)"} has no such framework "
            + "(no DOTNET_VERSION/ASPNET_VERSION in its config, nothing under usr/share/dotnet/shared/). Use a base image with the "
            + "framework (mcr.microsoft.com/dotnet/aspnet or runtime), or publish self-contained.");
    }

    private static IEnumerable<string> FolderVersions(ImageFileSystem files, string prefix) =>
        files.PathsUnder(prefix)
            .Select(path => path[prefix.Length..].Split('/')[0])
            .Where(version => version.Length > 0)
            .Distinct(StringComparer.Ordinal);
}
