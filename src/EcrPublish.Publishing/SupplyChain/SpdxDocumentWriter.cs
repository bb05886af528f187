using System.Text.Json.Nodes;

namespace EcrPublish.SupplyChain;

/// <summary>Writes an SBOM as an SPDX 2.3 JSON document (docs/supply-chain.md lists every field).</summary>
public static class SpdxDocumentWriter
{
    private const string NoAssertion = "NOASSERTION";
    private const string DocumentId = "SPDXRef-DOCUMENT";

    public static byte[] Write(SbomInputs inputs)
    {
        var catalog = SbomCatalog.From(inputs);
        var uuid = DeterministicUuid.ForDocument(inputs.Image, "spdx-2.3", inputs.ToolVersion);
        var document = new JsonObject
        {
            ["spdxVersion"] = "SPDX-2.3",
            ["dataLicense"] = "CC0-1.0",
            ["SPDXID"] = DocumentId,
            ["name"] = $"{inputs.Image.Repository}@{inputs.Image.ManifestDigest}",
            ["documentNamespace"] = $"https://github.com/ecrpublish/ecrpublish/spdx/{inputs.Image.Repository}-{uuid:D}",
            ["creationInfo"] = new JsonObject
            {
                ["created"] = SupplyChainJson.Timestamp(inputs.Created),
                ["creators"] = SupplyChainJson.Strings([$"Tool: EcrPublish-{inputs.ToolVersion}"]),
            },
            ["packages"] = new JsonArray([Package(catalog.Root, catalog.Application), .. catalog.Components.Select(component => Package(component, catalog.Application))]),
            ["relationships"] = new JsonArray(
            [
                Relationship(DocumentId, "DESCRIBES", Ref(catalog.Root.Id)),
                .. catalog.Relationships.Select(relationship => Relationship(Ref(relationship.From), relationship.Type, Ref(relationship.To))),
            ]),
        };
        return SupplyChainJson.Serialize(document);
    }

    private static JsonObject Package(SbomComponent component, SbomApplication application)
    {
        var package = new JsonObject
        {
            ["SPDXID"] = Ref(component.Id),
            ["name"] = component.Name,
        };
        if (component.Version.Length > 0)
        {
            package["versionInfo"] = component.Version;
        }

        package["downloadLocation"] = DownloadLocation(component, application);
        package["filesAnalyzed"] = false;
        if (Checksums(component) is { Count: > 0 } checksums)
        {
            package["checksums"] = checksums;
        }

        package["licenseConcluded"] = NoAssertion;
        package["licenseDeclared"] = NoAssertion;
        package["copyrightText"] = NoAssertion;
        if (component.SourceInfo is { } sourceInfo)
        {
            package["sourceInfo"] = sourceInfo;
        }

        if (component.License is { } license)
        {
            package["comment"] = $"License as the package database records it: {license}";
        }

        if (component.Purl is { } purl)
        {
            package["externalRefs"] = new JsonArray(new JsonObject
            {
                ["referenceCategory"] = "PACKAGE-MANAGER",
                ["referenceType"] = "purl",
                ["referenceLocator"] = purl,
            });
        }

        if (Purpose(component.Kind) is { } purpose)
        {
            package["primaryPackagePurpose"] = purpose;
        }

        return package;
    }

    private static JsonArray Checksums(SbomComponent component)
    {
        var checksums = new JsonArray();
        if (component.Sha256Hex is { } sha256)
        {
            checksums.Add(new JsonObject { ["algorithm"] = "SHA256", ["checksumValue"] = sha256 });
        }

        if (component.Sha512Hex is { } sha512)
        {
            checksums.Add(new JsonObject { ["algorithm"] = "SHA512", ["checksumValue"] = sha512 });
        }

        return checksums;
    }

    // SPDX's VCS form (git+URL@commit) for the app when both are known and the URL is one git can clone.
    private static string DownloadLocation(SbomComponent component, SbomApplication application) =>
        component.Kind == SbomComponentKind.Application && application is { GitCommit: { } commit, RepositoryUrl: { } url }
            && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" or "ssh"
            ? $"git+{url}@{commit}"
            : NoAssertion;

    private static string? Purpose(SbomComponentKind kind) => kind switch
    {
        SbomComponentKind.Image or SbomComponentKind.BaseImage => "CONTAINER",
        SbomComponentKind.Application => "APPLICATION",
        SbomComponentKind.NuGetPackage => "LIBRARY",
        SbomComponentKind.Framework => "FRAMEWORK",
        SbomComponentKind.OperatingSystem => "OPERATING-SYSTEM",
        _ => null,
    };

    private static JsonObject Relationship(string from, string type, string to) => new()
    {
        ["spdxElementId"] = from,
        ["relationshipType"] = type,
        ["relatedSpdxElement"] = to,
    };

    private static string Ref(string id) => "SPDXRef-" + id;
}
