using EcrPublish.Images;
using EcrPublish.Images.Packages;

namespace EcrPublish.SupplyChain;

/// <summary>
/// Package URLs (purl, github.com/package-url/purl-spec) for what an SBOM lists. Names and versions are
/// percent-encoded (a Debian <c>+</c> becomes <c>%2B</c>, an epoch's <c>:</c> <c>%3A</c>); qualifiers are sorted by key.
/// </summary>
public static class PackageUrl
{
    public static string NuGet(string name, string version) => $"pkg:nuget/{Encode(name)}@{Encode(version)}";

    /// <summary>A shared framework the base image provides (not a NuGet package).</summary>
    public static string Framework(string name, string version) => $"pkg:generic/{Encode(name)}@{Encode(version)}";

    /// <summary><c>pkg:deb/debian/NAME@VERSION?arch=…&amp;distro=debian-12&amp;upstream=SOURCE</c>, <c>pkg:apk/alpine/…</c>.</summary>
    public static string OsPackage(OsPackage package, OsRelease? release)
    {
        var type = package.Manager == OsPackageManager.Dpkg ? "deb" : "apk";
        var distroId = release?.Id ?? (package.Manager == OsPackageManager.Dpkg ? "debian" : "alpine");
        var distro = release?.VersionId is { } versionId ? $"{distroId}-{versionId}" : null;
        var upstream = package.SourceName is { } source && source != package.Name
            ? package.SourceVersion is { } sourceVersion ? $"{source}@{sourceVersion}" : source
            : null;
        return $"pkg:{type}/{Encode(distroId)}/{Encode(package.Name)}@{Encode(package.Version)}"
            + Qualifiers(("arch", package.Architecture), ("distro", distro), ("upstream", upstream));
    }

    /// <summary><c>pkg:oci/NAME@sha256%3A…</c> with the repository URL (registry and path) when known.</summary>
    public static string Oci(string repository, string digest, string? architecture, string? repositoryUrl) =>
        $"pkg:oci/{Encode(repository[(repository.LastIndexOf('/') + 1)..].ToLowerInvariant())}@{Encode(digest)}"
        + Qualifiers(("arch", architecture), ("repository_url", repositoryUrl));

    /// <summary>The purl of a base image given by reference: its registry and path become <c>repository_url</c>.</summary>
    public static string BaseImage(SbomBaseImage baseImage, string architecture)
    {
        var reference = ImageReference.Parse(baseImage.Reference);
        return Oci(reference.Repository, baseImage.ManifestDigest, architecture, $"{reference.Registry}/{reference.Repository}");
    }

    private static string Qualifiers(params (string Key, string? Value)[] qualifiers)
    {
        var present = qualifiers.Where(qualifier => !string.IsNullOrEmpty(qualifier.Value))
            .OrderBy(qualifier => qualifier.Key, StringComparer.Ordinal)
            .Select(qualifier => $"{qualifier.Key}={Encode(qualifier.Value!)}")
            .ToList();
        return present.Count == 0 ? "" : "?" + string.Join('&', present);
    }

    private static string Encode(string value) => Uri.EscapeDataString(value);
}
