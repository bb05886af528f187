using EcrPublish.Images;

namespace EcrPublish.SupplyChain;

/// <summary>
/// The NuGet packages of a deps.json and who depends on whom. Project references are not packages: each one is
/// replaced by what it depends on, so a package reached through a project still hangs off the app.
/// </summary>
internal static class DepsPackageGraph
{
    private const string Sha512Prefix = "sha512-";

    public static (IReadOnlyList<SbomNuGetPackage> Packages, IReadOnlyList<string> ApplicationDependencies, string? ApplicationVersion) Read(DepsFile deps)
    {
        var byName = deps.Libraries.GroupBy(library => library.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.First(), StringComparer.OrdinalIgnoreCase);
        var packages = deps.Libraries.Where(library => library.Type == "package")
            .Select(library => new SbomNuGetPackage(library.Name, library.Version, Hex(library), Expand(library.Dependencies, byName)))
            .ToList();
        var app = deps.Libraries.FirstOrDefault(library => library.Type == "project" && string.Equals(library.Name, deps.AppName, StringComparison.OrdinalIgnoreCase));
        return (packages, app is null ? [] : Expand(app.Dependencies, byName), app?.Version);
    }

    private static List<string> Expand(IEnumerable<string> dependencies, Dictionary<string, DepsLibrary> byName)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<string>(dependencies.Reverse());
        while (pending.TryPop(out var name))
        {
            if (!seen.Add(name) || !byName.TryGetValue(name, out var library))
            {
                continue;
            }

            if (library.Type == "package")
            {
                result.Add(library.Name);
            }
            else if (library.Type == "project")
            {
                foreach (var inner in library.Dependencies.Reverse())
                {
                    pending.Push(inner);
                }
            }
        }

        return result;
    }

    private static string? Hex(DepsLibrary library)
    {
        if (library.Sha512 is not { } recorded)
        {
            return null;
        }

        var bytes = new byte[64];
        if (!recorded.StartsWith(Sha512Prefix, StringComparison.Ordinal)
            || !Convert.TryFromBase64String(recorded[Sha512Prefix.Length..], bytes, out var written) || written != 64)
        {
            throw new SupplyChainException(SupplyChainErrorCodes.PackageHashInvalid,
                $"deps.json records '{recorded}' as the sha512 of {library.Name} {library.Version}, which is not 'sha512-' and 64 bytes of base64. Restore and publish the project again.");
        }

        return Convert.ToHexString(bytes).ToLowerInvariant();
    }
}
