namespace EcrPublish.Images.Packages;

/// <summary>
/// Finds and parses the package databases of an image's operating system: dpkg's <c>status</c> (RFC 822 stanzas,
/// also one file per package under <c>status.d/</c> in distroless images) and apk's <c>installed</c>
/// (<c>P:</c>/<c>V:</c> lines).
/// </summary>
public static class OsPackageDatabase
{
    /// <summary>The package manager whose database lives at <paramref name="path"/> (relative, no leading slash), or null.</summary>
    public static OsPackageManager? ManagerOf(string path)
    {
        if (path == "var/lib/dpkg/status" || path.StartsWith("var/lib/dpkg/status.d/", StringComparison.Ordinal))
        {
            return OsPackageManager.Dpkg;
        }

        return path == "lib/apk/db/installed" ? OsPackageManager.Apk : null;
    }

    /// <summary>The installed packages a database file lists.</summary>
    public static IEnumerable<OsPackage> Parse(OsPackageManager manager, string text) =>
        manager == OsPackageManager.Dpkg ? Dpkg(text) : Apk(text);

    public static IEnumerable<OsPackage> Dpkg(string text)
    {
        foreach (var fields in Stanzas(text))
        {
            if (fields.TryGetValue("Package", out var name) && fields.TryGetValue("Version", out var version)
                && (!fields.TryGetValue("Status", out var status) || status.EndsWith(" installed", StringComparison.Ordinal)))
            {
                // "Source: zlib" or "Source: openssl (3.0.11-1)" when the source version differs.
                var source = fields.GetValueOrDefault("Source")?.Split(' ', 2);
                var sourceVersion = source is [_, var inParentheses] ? inParentheses.Trim('(', ')', ' ') : null;
                yield return new OsPackage(OsPackageManager.Dpkg, name, version, fields.GetValueOrDefault("Architecture"),
                    source?[0], sourceVersion, null);
            }
        }
    }

    public static IEnumerable<OsPackage> Apk(string text)
    {
        foreach (var fields in Stanzas(text))
        {
            if (fields.TryGetValue("P", out var name) && fields.TryGetValue("V", out var version))
            {
                yield return new OsPackage(OsPackageManager.Apk, name, version, fields.GetValueOrDefault("A"),
                    fields.GetValueOrDefault("o"), null, fields.GetValueOrDefault("L"));
            }
        }
    }

    private static IEnumerable<Dictionary<string, string>> Stanzas(string text)
    {
        foreach (var stanza in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var line in stanza.Split('\n'))
            {
                var at = line.IndexOf(':', StringComparison.Ordinal);
                if (at > 0 && !char.IsWhiteSpace(line[0]))
                {
                    fields[line[..at]] = line[(at + 1)..].Trim();
                }
            }

            yield return fields;
        }
    }
}
