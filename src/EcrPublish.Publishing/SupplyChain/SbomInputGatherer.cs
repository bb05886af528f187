using System.Text.Json;
using EcrPublish.Images;
using EcrPublish.Images.Packages;

namespace EcrPublish.SupplyChain;

/// <summary>
/// Gathers <see cref="SbomInputs"/> for one platform image from the publish folder (deps.json, runtimeconfig.json),
/// the base image (config and layers: os-release, dpkg/apk databases, shared frameworks) and the git facts.
/// </summary>
public static class SbomInputGatherer
{
    public static SbomInputs Gather(SbomSources sources)
    {
        if (!Directory.Exists(sources.PublishDirectory))
        {
            throw new SupplyChainException(SupplyChainErrorCodes.PublishDirectoryMissing,
                $"The publish folder '{sources.PublishDirectory}' does not exist. Publish the project before making its SBOM.");
        }

        var depsPath = LayerPlanner.FindDepsFile(sources.PublishDirectory, sources.AppName);
        var deps = DepsFile.Load(depsPath);
        var (packages, appDependencies, depsVersion) = DepsPackageGraph.Read(deps);

        var baseImage = sources.BaseImage is { Reference: { } reference, ManifestDigest: { } digest } resolved ? (resolved, reference, digest) : default;
        var files = baseImage.resolved is null ? ImageFileSystem.Stack([])
            : sources.BaseFiles ?? ImageFileSystem.Read(sources.BaseLayerFiles, IsInventoryFile);
        var release = OsRelease.From(files.Texts);
        var osPackages = files.Texts
            .Select(text => (Manager: OsPackageDatabase.ManagerOf(text.Key), Text: text.Value))
            .Where(database => database.Manager is not null)
            .SelectMany(database => OsPackageDatabase.Parse(database.Manager!.Value, database.Text))
            .ToList();

        var frameworks = RuntimeFrameworkResolver.FromRuntimePacks(deps);
        var runtimeConfig = Path.Combine(sources.PublishDirectory, deps.AppName + ".runtimeconfig.json");
        if (frameworks.Count == 0 && File.Exists(runtimeConfig))
        {
            frameworks = RuntimeFrameworkResolver.FromBaseImage(RuntimeFrameworkResolver.Requested(runtimeConfig),
                BaseEnvironment(sources.BaseImage), files, baseImage.reference?.ToString());
        }

        return new SbomInputs
        {
            Image = sources.Image,
            Application = new SbomApplication(deps.AppName, sources.AppVersion ?? depsVersion ?? "0.0.0", sources.Git.Sha, sources.RepositoryUrl),
            NuGetPackages = packages,
            ApplicationDependencies = appDependencies,
            Frameworks = frameworks,
            BaseImage = baseImage.resolved is null ? null : new SbomBaseImage(baseImage.reference!.ToString(), baseImage.digest!, release),
            OsPackages = osPackages,
            Created = sources.Created,
            ToolVersion = sources.ToolVersion,
        };
    }

    /// <summary>The files of a layer the SBOM reads: package databases and os-release.</summary>
    public static bool IsInventoryFile(string path) => OsPackageDatabase.ManagerOf(path) is not null || OsRelease.Paths.Contains(path);

    // The base config's Env ("NAME=value" strings), where Microsoft's images record the framework versions.
    private static Dictionary<string, string> BaseEnvironment(BaseImage? baseImage)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (baseImage is null)
        {
            return environment;
        }

        using var config = JsonDocument.Parse(baseImage.ConfigJson);
        if (config.RootElement.TryGetProperty("config", out var settings) && settings.ValueKind == JsonValueKind.Object
            && settings.TryGetProperty("Env", out var env) && env.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in env.EnumerateArray().Select(item => item.GetString() ?? "").Where(item => item.Contains('=', StringComparison.Ordinal)))
            {
                environment[entry[..entry.IndexOf('=', StringComparison.Ordinal)]] = entry[(entry.IndexOf('=', StringComparison.Ordinal) + 1)..];
            }
        }

        return environment;
    }
}
