using System.Text.Json;

namespace EcrPublish.LocalEcr.Scanning;

/// <summary>
/// A directory of OSV-format vulnerability entries (<c>--vuln-db DIR</c>; <c>*.json</c>, each one entry or an array),
/// read once at start. Only the Debian, Alpine and NuGet ecosystems and ECOSYSTEM/SEMVER ranges are used.
/// </summary>
internal sealed class OsvFeed
{
    private static readonly string[] Severities = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL"];

    private OsvFeed(IReadOnlyList<OsvAdvisory> advisories) => Advisories = advisories;

    public static OsvFeed Empty { get; } = new([]);

    public IReadOnlyList<OsvAdvisory> Advisories { get; }

    /// <summary>Loads every entry; throws <see cref="LocalEcrException"/> (ECR5005) for a missing directory or a file that is not OSV JSON.</summary>
    public static OsvFeed Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new LocalEcrException("ECR5005", $"The vulnerability database directory '{directory}' does not exist. Pass --vuln-db with a directory of OSV JSON files.");
        }

        var advisories = new List<OsvAdvisory>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllBytes(file));
                var entries = document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement.EnumerateArray().ToList() : [document.RootElement];
                advisories.AddRange(entries.SelectMany(Read));
            }
            catch (Exception error) when (error is JsonException or InvalidOperationException or KeyNotFoundException)
            {
                throw new LocalEcrException("ECR5005", $"The vulnerability file '{file}' is not OSV JSON ({error.Message}). Fix or remove it.", error);
            }
        }

        return new OsvFeed(advisories);
    }

    private static IEnumerable<OsvAdvisory> Read(JsonElement entry)
    {
        var id = entry.GetProperty("id").GetString()!;
        var summary = Text(entry, "summary") ?? Text(entry, "details") ?? id;
        var uri = entry.TryGetProperty("references", out var references) && references.ValueKind == JsonValueKind.Array
            ? references.EnumerateArray().Select(reference => Text(reference, "url")).FirstOrDefault(url => url is not null)
            : null;
        var entrySeverity = SeverityOf(entry);
        if (!entry.TryGetProperty("affected", out var affectedList))
        {
            yield break;
        }

        foreach (var affected in affectedList.EnumerateArray())
        {
            var package = affected.GetProperty("package");
            var ecosystem = EcosystemOf(package.GetProperty("ecosystem").GetString()!);
            if (ecosystem is null)
            {
                continue;
            }

            var ranges = affected.TryGetProperty("ranges", out var rangeList)
                ? rangeList.EnumerateArray().Where(range => Text(range, "type") is "ECOSYSTEM" or "SEMVER").SelectMany(Intervals).ToList()
                : [];
            var versions = affected.TryGetProperty("versions", out var versionList)
                ? versionList.EnumerateArray().Select(version => version.GetString()!).ToList()
                : [];
            yield return new OsvAdvisory(id, summary, SeverityOf(affected) ?? entrySeverity ?? "UNDEFINED", ecosystem.Value,
                package.GetProperty("name").GetString()!, ranges, versions, uri);
        }
    }

    private static IEnumerable<OsvRange> Intervals(JsonElement range)
    {
        string? introduced = null;
        foreach (var change in range.GetProperty("events").EnumerateArray())
        {
            if (Text(change, "introduced") is { } start)
            {
                introduced = start;
            }
            else if (introduced is not null && (Text(change, "fixed") is { } fix))
            {
                yield return new OsvRange(introduced, fix, null);
                introduced = null;
            }
            else if (introduced is not null && Text(change, "last_affected") is { } last)
            {
                yield return new OsvRange(introduced, null, last);
                introduced = null;
            }
        }

        if (introduced is not null)
        {
            yield return new OsvRange(introduced, null, null);
        }
    }

    // Debian's and GitHub's feeds put the rating in database_specific / ecosystem_specific; CVSS vectors are not scored here.
    private static string? SeverityOf(JsonElement element)
    {
        foreach (var member in new[] { "database_specific", "ecosystem_specific" })
        {
            if (element.TryGetProperty(member, out var specific) && specific.ValueKind == JsonValueKind.Object
                && (Text(specific, "severity") ?? Text(specific, "urgency")) is { } rating)
            {
                var upper = string.Equals(rating, "MODERATE", StringComparison.OrdinalIgnoreCase) ? "MEDIUM" : rating.ToUpperInvariant();
                return Severities.Contains(upper, StringComparer.Ordinal) ? upper : "UNDEFINED";
            }
        }

        return null;
    }

    private static PackageEcosystem? EcosystemOf(string name) => name.Split(':')[0] switch
    {
        "Debian" => PackageEcosystem.Debian,
        "Alpine" => PackageEcosystem.Alpine,
        "NuGet" => PackageEcosystem.NuGet,
        _ => null,
    };

    private static string? Text(JsonElement element, string member) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
