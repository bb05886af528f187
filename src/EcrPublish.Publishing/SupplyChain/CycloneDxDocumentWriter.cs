using System.Text.Json.Nodes;

namespace EcrPublish.SupplyChain;

/// <summary>Writes an SBOM as a CycloneDX 1.6 JSON document (docs/supply-chain.md lists every field).</summary>
public static class CycloneDxDocumentWriter
{
    public static byte[] Write(SbomInputs inputs)
    {
        var catalog = SbomCatalog.From(inputs);
        var uuid = DeterministicUuid.ForDocument(inputs.Image, "cyclonedx-1.6", inputs.ToolVersion);
        var references = new[] { catalog.Root }.Concat(catalog.Components).ToDictionary(component => component.Id, BomRef, StringComparer.Ordinal);
        var document = new JsonObject
        {
            ["$schema"] = "http://cyclonedx.org/schema/bom-1.6.schema.json",
            ["bomFormat"] = "CycloneDX",
            ["specVersion"] = "1.6",
            ["serialNumber"] = $"urn:uuid:{uuid:D}",
            ["version"] = 1,
            ["metadata"] = new JsonObject
            {
                ["timestamp"] = SupplyChainJson.Timestamp(inputs.Created),
                ["tools"] = new JsonObject
                {
                    ["components"] = new JsonArray(new JsonObject
                    {
                        ["type"] = "application",
                        ["name"] = "EcrPublish",
                        ["version"] = inputs.ToolVersion,
                    }),
                },
                ["component"] = Component(catalog.Root, catalog.Application),
            },
            ["components"] = new JsonArray(catalog.Components.Select(component => (JsonNode?)Component(component, catalog.Application)).ToArray()),
            ["dependencies"] = new JsonArray(new[] { catalog.Root }.Concat(catalog.Components)
                .Select(component => (JsonNode?)new JsonObject
                {
                    ["ref"] = references[component.Id],
                    ["dependsOn"] = SupplyChainJson.Strings(DependsOn(catalog, component).Select(id => references[id])),
                })
                .ToArray()),
        };
        return SupplyChainJson.Serialize(document);
    }

    // CycloneDX expresses containment by listing components; the image "depends on" its app and its base image.
    private static IEnumerable<string> DependsOn(SbomCatalog catalog, SbomComponent component) =>
        catalog.Relationships.Where(relationship => relationship.From == component.Id && (relationship.Type == SbomRelationship.DependsOn
                || (component == catalog.Root && relationship.Type == SbomRelationship.DescendantOf)
                || (component == catalog.Root && catalog.Components.Any(candidate => candidate.Id == relationship.To && candidate.Kind == SbomComponentKind.Application))))
            .Select(relationship => relationship.To);

    private static string BomRef(SbomComponent component) => component.Purl ?? component.Id;

    private static JsonObject Component(SbomComponent component, SbomApplication application)
    {
        var result = new JsonObject
        {
            ["type"] = Type(component.Kind),
            ["bom-ref"] = BomRef(component),
            ["name"] = component.Name,
        };
        if (component.Version.Length > 0)
        {
            result["version"] = component.Version;
        }

        if (component.SourceInfo is { } sourceInfo)
        {
            result["description"] = sourceInfo;
        }

        var hashes = new JsonArray();
        if (component.Sha256Hex is { } sha256)
        {
            hashes.Add(new JsonObject { ["alg"] = "SHA-256", ["content"] = sha256 });
        }

        if (component.Sha512Hex is { } sha512)
        {
            hashes.Add(new JsonObject { ["alg"] = "SHA-512", ["content"] = sha512 });
        }

        if (hashes.Count > 0)
        {
            result["hashes"] = hashes;
        }

        if (component.License is { } license)
        {
            result["licenses"] = new JsonArray(new JsonObject { ["license"] = new JsonObject { ["name"] = license } });
        }

        if (component.Purl is { } purl)
        {
            result["purl"] = purl;
        }

        if (component.Kind == SbomComponentKind.Application && application.RepositoryUrl is { } url)
        {
            var reference = new JsonObject { ["url"] = url, ["type"] = "vcs" };
            if (application.GitCommit is { } commit)
            {
                reference["comment"] = $"commit {commit}";
            }

            result["externalReferences"] = new JsonArray(reference);
        }

        return result;
    }

    private static string Type(SbomComponentKind kind) => kind switch
    {
        SbomComponentKind.Image or SbomComponentKind.BaseImage => "container",
        SbomComponentKind.Application => "application",
        SbomComponentKind.Framework => "framework",
        SbomComponentKind.OperatingSystem => "operating-system",
        _ => "library",
    };
}
