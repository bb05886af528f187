using System.Text.Json;

namespace EcrPublish.LocalEcr.Scanning;

/// <summary>
/// Reads the package databases a scanner understands: dpkg's <c>status</c> (RFC 822 stanzas), apk's
/// <c>installed</c> (<c>P:</c>/<c>V:</c> lines) and the <c>libraries</c> of a .NET <c>*.deps.json</c>.
/// </summary>
internal static class PackageDatabaseReader
{
    public static IEnumerable<InstalledPackage> Dpkg(string text)
    {
        foreach (var stanza in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = Fields(stanza, ':');
            if (fields.TryGetValue("Package", out var name) && fields.TryGetValue("Version", out var version)
                && (!fields.TryGetValue("Status", out var status) || status.EndsWith(" installed", StringComparison.Ordinal)))
            {
                // "Source: zlib" or "Source: openssl (3.0.11-1)" when the source version differs.
                var source = fields.GetValueOrDefault("Source")?.Split(' ')[0];
                yield return new InstalledPackage(PackageEcosystem.Debian, name, source, version);
            }
        }
    }

    public static IEnumerable<InstalledPackage> Apk(string text)
    {
        foreach (var stanza in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = Fields(stanza, ':');
            if (fields.TryGetValue("P", out var name) && fields.TryGetValue("V", out var version))
            {
                yield return new InstalledPackage(PackageEcosystem.Alpine, name, fields.GetValueOrDefault("o"), version);
            }
        }
    }

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

    private static Dictionary<string, string> Fields(string stanza, char separator)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in stanza.Split('\n'))
        {
            var at = line.IndexOf(separator, StringComparison.Ordinal);
            if (at > 0 && !char.IsWhiteSpace(line[0]))
            {
                fields[line[..at]] = line[(at + 1)..].Trim();
            }
        }

        return fields;
    }
}
