using System.Security.Cryptography;
using System.Text;

namespace EcrPublish.SupplyChain;

/// <summary>
/// The components and relationships of an SBOM, in the one deterministic order both writers follow: the image, the
/// app, NuGet packages, frameworks, the base image, its operating system and its packages; names sorted ordinally.
/// </summary>
public sealed class SbomCatalog
{
    private SbomCatalog(SbomApplication application, SbomComponent root, IReadOnlyList<SbomComponent> components, IReadOnlyList<SbomRelationship> relationships)
    {
        Application = application;
        Root = root;
        Components = components;
        Relationships = relationships;
    }

    /// <summary>The application, its repository URL without credentials.</summary>
    public SbomApplication Application { get; }

    /// <summary>The image the document describes.</summary>
    public SbomComponent Root { get; }

    /// <summary>Everything the image contains, and its base image (not including <see cref="Root"/>).</summary>
    public IReadOnlyList<SbomComponent> Components { get; }

    public IReadOnlyList<SbomRelationship> Relationships { get; }

    public static SbomCatalog From(SbomInputs inputs)
    {
        SupplyChainDigest.Hex(inputs.Image.ConfigDigest, "image config");
        var image = inputs.Image;
        var root = Component(SbomComponentKind.Image, image.Repository, image.ManifestDigest,
            PackageUrl.Oci(image.Repository, image.ManifestDigest, image.Architecture, null), sha256Hex: SupplyChainDigest.Hex(image.ManifestDigest, "image manifest"));
        var application = inputs.Application with { RepositoryUrl = SourceRepositoryUrl.WithoutCredentials(inputs.Application.RepositoryUrl) };
        var app = Component(SbomComponentKind.Application, application.Name, application.Version, null,
            sourceInfo: application.GitCommit is null ? null : $"git commit {application.GitCommit}" + (application.RepositoryUrl is null ? "" : $" of {application.RepositoryUrl}"));

        var packages = inputs.NuGetPackages
            .OrderBy(package => package.Name, StringComparer.OrdinalIgnoreCase).ThenBy(package => package.Name, StringComparer.Ordinal)
            .ThenBy(package => package.Version, StringComparer.Ordinal)
            .ToList();
        var packageComponents = packages.Select(package => Component(SbomComponentKind.NuGetPackage, package.Name, package.Version,
            PackageUrl.NuGet(package.Name, package.Version), sha512Hex: package.Sha512Hex)).ToList();
        var frameworks = inputs.Frameworks.OrderBy(framework => framework.Name, StringComparer.Ordinal)
            .Select(framework => Component(SbomComponentKind.Framework, framework.Name, framework.Version,
                framework.RuntimePack is { } pack ? PackageUrl.NuGet(pack, framework.Version) : PackageUrl.Framework(framework.Name, framework.Version),
                sourceInfo: framework.RuntimePack is { } from ? $"runtime pack {from}" : "the base image"))
            .ToList();

        List<SbomComponent> components = [app, .. packageComponents, .. frameworks];
        List<SbomRelationship> relationships = [new(root.Id, SbomRelationship.Contains, app.Id)];
        relationships.AddRange(packageComponents.Concat(frameworks).Select(component => new SbomRelationship(root.Id, SbomRelationship.Contains, component.Id)));

        var byName = packageComponents.ToDictionary(component => component.Name, StringComparer.OrdinalIgnoreCase);
        relationships.AddRange(inputs.ApplicationDependencies.Where(byName.ContainsKey).Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase).Select(name => new SbomRelationship(app.Id, SbomRelationship.DependsOn, byName[name].Id)));
        relationships.AddRange(frameworks.Select(framework => new SbomRelationship(app.Id, SbomRelationship.DependsOn, framework.Id)));
        for (var index = 0; index < packages.Count; index++)
        {
            relationships.AddRange(packages[index].Dependencies.Where(byName.ContainsKey).Distinct(StringComparer.OrdinalIgnoreCase)
                .Order(StringComparer.OrdinalIgnoreCase)
                .Select(name => new SbomRelationship(packageComponents[index].Id, SbomRelationship.DependsOn, byName[name].Id)));
        }

        if (inputs.BaseImage is { } baseImage)
        {
            var baseComponent = Component(SbomComponentKind.BaseImage, baseImage.Reference, baseImage.ManifestDigest,
                PackageUrl.BaseImage(baseImage, image.Architecture), sha256Hex: SupplyChainDigest.Hex(baseImage.ManifestDigest, "base image manifest"));
            components.Add(baseComponent);
            relationships.Add(new(root.Id, SbomRelationship.DescendantOf, baseComponent.Id));
            AddOperatingSystem(inputs, baseImage, root, components, relationships);
        }

        return new SbomCatalog(application, root, components, relationships);
    }

    private static void AddOperatingSystem(SbomInputs inputs, SbomBaseImage baseImage, SbomComponent root, List<SbomComponent> components, List<SbomRelationship> relationships)
    {
        var release = baseImage.OperatingSystem;
        if (release is not null)
        {
            var system = Component(SbomComponentKind.OperatingSystem, release.Id, release.VersionId ?? "", null, sourceInfo: release.PrettyName);
            components.Add(system);
            relationships.Add(new(root.Id, SbomRelationship.Contains, system.Id));
        }

        var osPackages = inputs.OsPackages
            .Select(package => (Package: package, Purl: PackageUrl.OsPackage(package, release)))
            .DistinctBy(entry => entry.Purl, StringComparer.Ordinal)
            .OrderBy(entry => entry.Package.Name, StringComparer.Ordinal).ThenBy(entry => entry.Purl, StringComparer.Ordinal)
            .Select(entry => Component(SbomComponentKind.OsPackage, entry.Package.Name, entry.Package.Version, entry.Purl,
                sourceInfo: entry.Package.SourceName is { } source && source != entry.Package.Name ? $"source package {source} {entry.Package.SourceVersion ?? entry.Package.Version}".TrimEnd() : null,
                license: entry.Package.License))
            .ToList();
        components.AddRange(osPackages);
        relationships.AddRange(osPackages.Select(package => new SbomRelationship(root.Id, SbomRelationship.Contains, package.Id)));
    }

    // Readable and unique: the kind and a sanitised name, then 8 hex digits of the hash of what makes it unique.
    private static SbomComponent Component(SbomComponentKind kind, string name, string version, string? purl,
        string? sha512Hex = null, string? sha256Hex = null, string? sourceInfo = null, string? license = null)
    {
        var key = SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}\n{name}\n{version}\n{purl}"));
        var readable = new string(name.Select(character => char.IsAsciiLetterOrDigit(character) || character is '.' or '-' ? character : '-').ToArray());
        var id = $"{kind}-{readable}-{Convert.ToHexString(key.AsSpan(0, 4)).ToLowerInvariant()}";
        return new SbomComponent(id, kind, name, version, purl, sha512Hex, sha256Hex, sourceInfo, license);
    }
}
