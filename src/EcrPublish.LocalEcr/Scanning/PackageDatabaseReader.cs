using System.Text.Json;
using EcrPublish.Images.Packages;

namespace EcrPublish.LocalEcr.Scanning;

/// <summary>
/// Reads the package databases a scanner understands: dpkg's and apk's (parsed by <see cref="OsPackageDatabase"/>,
/// shared with the SBOM) and the <c>libraries</c> of a .NET <c>*.deps.json</c>.
/// </summary>
internal static class PackageDatabaseReader
{
    public static IEnumerable<InstalledPackage> Dpkg(string text) =>
        OsPackageDatabase.Dpkg(text).Select(package => new InstalledPackage(PackageEcosystem.Debian, package.Name, package.SourceName, package.Version));

    public static IEnumerable<InstalledPackage> Apk(string text) =>
        OsPackageDatabase.Apk(text).Select(package => new InstalledPackage(PackageEcosystem.Alpine, package.Name, package.SourceName, package.Version));

    /// <summary>The NuGet packages (<c>"type": "package"</c>) of a deps.json; projects and the runtime pack are not packages.</summary>
    public static IEnumerable<InstalledPackage> DepsJson(string text)
    {
        List<InstalledPackage> packages = [];
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("libraries", out var libraries) && libraries.ValueKind == JsonValueKind.Object)
            {
                foreach (var library in libraries.EnumerateObject())
                {
                    var slash = library.Name.IndexOf('/', StringComparison.Ordinal);
                    var isPackage = library.Value.ValueKind == JsonValueKind.Object
                        && library.Value.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "package";
                    if (slash > 0 && isPackage)
                    {
                        packages.Add(new InstalledPackage(PackageEcosystem.NuGet, library.Name[..slash], null, library.Name[(slash + 1)..]));
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not a deps.json after all; an image may contain any file with that name.
        }

        return packages;
    }
}
