using System.Text.Json.Nodes;

namespace EcrPublish.SupplyChain;

/// <summary>
/// Writes an in-toto Statement v1 whose predicate is SLSA Provenance v1 (docs/supply-chain.md lists every field).
/// No clock is read: the same inputs give the same bytes; only <see cref="ProvenanceInputs.CiRun"/> differs between runs.
/// </summary>
public static class ProvenanceStatementWriter
{
    public const string StatementType = "https://in-toto.io/Statement/v1";
    public const string PredicateType = "https://slsa.dev/provenance/v1";

    /// <summary>The build type this statement's parameters follow (documented in docs/supply-chain.md).</summary>
    public const string BuildType = "https://github.com/ecrpublish/ecrpublish/buildtypes/dotnet-publish/v1";

    public static string BuilderId(string toolVersion) => $"https://github.com/ecrpublish/ecrpublish@v{toolVersion}";

    public static byte[] Write(ProvenanceInputs inputs)
    {
        if (inputs.Subjects.Count == 0)
        {
            throw new SupplyChainException(SupplyChainErrorCodes.ProvenanceInputInvalid, "A provenance statement needs the pushed image as its subject; none was given.");
        }

        var statement = new JsonObject
        {
            ["_type"] = StatementType,
            ["subject"] = new JsonArray(inputs.Subjects.Select(subject => (JsonNode?)new JsonObject
            {
                ["name"] = subject.Name,
                ["digest"] = new JsonObject { ["sha256"] = SupplyChainDigest.Hex(subject.Digest, "image") },
            }).ToArray()),
            ["predicateType"] = PredicateType,
            ["predicate"] = new JsonObject
            {
                ["buildDefinition"] = new JsonObject
                {
                    ["buildType"] = BuildType,
                    ["externalParameters"] = ExternalParameters(inputs),
                    ["resolvedDependencies"] = ResolvedDependencies(inputs),
                },
                ["runDetails"] = RunDetails(inputs),
            },
        };
        return SupplyChainJson.Serialize(statement);
    }

    private static JsonObject ExternalParameters(ProvenanceInputs inputs)
    {
        var parameters = new JsonObject
        {
            ["project"] = inputs.Project,
            ["configuration"] = inputs.Configuration,
            ["runtimeIdentifiers"] = SupplyChainJson.Strings(inputs.RuntimeIdentifiers),
            ["tags"] = SupplyChainJson.Strings(inputs.TagTemplates),
        };
        if (inputs.Repository is { } repository)
        {
            parameters["repository"] = repository;
        }

        if (inputs.BaseImage is { } baseImage)
        {
            parameters["baseImage"] = baseImage;
        }

        if (SourceRepositoryUrl.WithoutCredentials(inputs.RepositoryUrl) is { } source)
        {
            parameters["source"] = source;
        }

        return parameters;
    }

    private static JsonArray ResolvedDependencies(ProvenanceInputs inputs)
    {
        var dependencies = new JsonArray();
        if (inputs.GitCommit is { } commit)
        {
            var source = SourceRepositoryUrl.WithoutCredentials(inputs.RepositoryUrl);
            var uri = source is null ? null : "git+" + source + (inputs.GitBranch is { } branch ? $"@refs/heads/{branch}" : "");
            var git = new JsonObject();
            if (uri is not null)
            {
                git["uri"] = uri;
            }

            git["digest"] = new JsonObject { ["gitCommit"] = commit };
            dependencies.Add(git);
        }

        foreach (var baseImage in inputs.BaseImages.OrderBy(image => image.Architecture, StringComparer.Ordinal).ThenBy(image => image.ManifestDigest, StringComparer.Ordinal))
        {
            dependencies.Add(new JsonObject
            {
                ["uri"] = PackageUrl.BaseImage(new SbomBaseImage(baseImage.Reference, baseImage.ManifestDigest, null), baseImage.Architecture),
                ["name"] = baseImage.Reference,
                ["digest"] = new JsonObject { ["sha256"] = SupplyChainDigest.Hex(baseImage.ManifestDigest, "base image") },
            });
        }

        if (inputs.SdkVersion is { } sdk)
        {
            dependencies.Add(new JsonObject
            {
                ["uri"] = $"pkg:generic/dotnet-sdk@{Uri.EscapeDataString(sdk)}",
                ["name"] = "dotnet-sdk",
                ["annotations"] = new JsonObject { ["version"] = sdk },
            });
        }

        return dependencies;
    }

    private static JsonObject RunDetails(ProvenanceInputs inputs)
    {
        var version = new JsonObject { ["ecrpublish"] = inputs.ToolVersion };
        if (inputs.SdkVersion is { } sdk)
        {
            version["dotnet-sdk"] = sdk;
        }

        var details = new JsonObject
        {
            ["builder"] = new JsonObject { ["id"] = BuilderId(inputs.ToolVersion), ["version"] = version },
        };
        if (inputs.CiRun is { } run)
        {
            details["metadata"] = new JsonObject { ["invocationId"] = run.RunUrl ?? run.RunId };
            var ci = new JsonObject { ["provider"] = run.Provider, ["runId"] = run.RunId };
            if (run.RunUrl is { } url)
            {
                ci["runUrl"] = url;
            }

            details["byproducts"] = new JsonArray(new JsonObject { ["name"] = "ci-run", ["annotations"] = ci });
        }

        return details;
    }
}
