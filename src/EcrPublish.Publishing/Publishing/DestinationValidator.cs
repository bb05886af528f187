using EcrPublish.EcrRules;
using EcrPublish.Validation;

namespace EcrPublish.Publishing;

/// <summary>
/// Reads the <c>EcrDestination</c> items (ECR1070–ECR1075), all of them before anything is pushed: each must name one
/// registry and repository, its endpoints must be safe, no two may be the same, and the publish must be one that pushes
/// a daemonless image.
/// </summary>
internal static class DestinationValidator
{
    /// <summary>The destinations, or an empty list when there are none or any is invalid (the errors are in <paramref name="diagnostics"/>).</summary>
    /// <param name="inputs">The items, and the main publish's region, account, repository and endpoints they are compared with.</param>
    /// <param name="mainRepository">The main repository name: the default of every destination's.</param>
    /// <param name="imageBuilder">The builder chosen: destinations need the daemonless one.</param>
    /// <param name="push">EcrPush: destinations need a push.</param>
    /// <param name="allowInsecure">EcrAllowInsecureEndpoints.</param>
    /// <param name="diagnostics">Where the errors go.</param>
    public static IReadOnlyList<EcrDestination> Validate(
        EcrPublishInputs inputs, string? mainRepository, ImageBuilderKind imageBuilder, bool push, bool allowInsecure, List<EcrDiagnostic> diagnostics)
    {
        if (inputs.Destinations.Count == 0)
        {
            return [];
        }

        var errorsBefore = diagnostics.Count(diagnostic => diagnostic.IsError);
        if (imageBuilder == ImageBuilderKind.Docker)
        {
            diagnostics.Add(EcrDiagnostic.Error(InputCodes.DestinationsWithDockerBuilder,
                "EcrDestination items need the daemonless builder: a Dockerfile image lives in one Docker engine, which pushes it to one registry. Remove the EcrDestination items, or publish without a Dockerfile (EcrImageBuilder=Daemonless)."));
        }

        if (!push)
        {
            diagnostics.Add(EcrDiagnostic.Error(InputCodes.DestinationsWithoutPush,
                "EcrDestination items with EcrPush=false: nothing would be pushed to them. Remove the EcrDestination items, or remove EcrPush=false."));
        }

        var destinations = new List<EcrDestination>();
        foreach (var input in inputs.Destinations)
        {
            if (Read(input, mainRepository, allowInsecure, diagnostics) is { } destination)
            {
                destinations.Add(destination);
            }
        }

        var mainRegion = InputParsing.Blank(inputs.Region);
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [Key(mainRegion, InputParsing.Blank(inputs.RegistryId), mainRepository, InputParsing.Blank(inputs.ServiceUrl), InputParsing.Blank(inputs.RegistryEndpoint))] = "the main publish",
        };
        foreach (var destination in destinations)
        {
            var key = Key(destination.Region ?? mainRegion, destination.RegistryId, destination.Repository, destination.ServiceUrl?.ToString(), destination.RegistryEndpoint?.ToString());
            if (!seen.TryAdd(key, $"EcrDestination '{destination.Name}'"))
            {
                diagnostics.Add(EcrDiagnostic.Error(InputCodes.DuplicateDestination,
                    $"EcrDestination '{destination.Name}' names the same repository in the same registry as {seen[key]}. Remove one of them, or give it another Region, RegistryId or Repository."));
            }
        }

        return diagnostics.Count(diagnostic => diagnostic.IsError) > errorsBefore ? [] : destinations;
    }

    private static EcrDestination? Read(DestinationInput input, string? mainRepository, bool allowInsecure, List<EcrDiagnostic> diagnostics)
    {
        var name = input.Spec.Trim();
        string? Metadata(string metadataName) => input.Metadata.TryGetValue(metadataName, out var value) ? InputParsing.Blank(value) : null;
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        var host = EcrRegistryHostName.Parse(slash < 0 ? name : name[..slash]);
        var repositoryFromSpec = host is not null && slash >= 0 ? name[(slash + 1)..] : null;
        var region = Metadata("Region");
        var registryId = Metadata("RegistryId");
        var repository = Metadata("Repository");
        var valid = EndpointInput.TryRead(Metadata("ServiceUrl"), EndpointSetting(name, "ServiceUrl", "session tokens and signed requests"), allowInsecure, diagnostics, out var serviceUrl);
        valid &= EndpointInput.TryRead(Metadata("RegistryEndpoint"), EndpointSetting(name, "RegistryEndpoint", "the ECR password"), allowInsecure, diagnostics, out var registryEndpoint);

        if (host is not null)
        {
            valid &= Agrees(name, "Region", region, host.Region, diagnostics);
            valid &= Agrees(name, "RegistryId", registryId, host.RegistryId, diagnostics);
            valid &= Agrees(name, "Repository", repository, repositoryFromSpec is { Length: > 0 } ? repositoryFromSpec : null, diagnostics);
            (region, registryId, repository) = (host.Region, host.RegistryId, repository ?? (repositoryFromSpec is { Length: > 0 } ? repositoryFromSpec : null));
        }
        else if (region is null && serviceUrl is null && Metadata("ServiceUrl") is null)
        {
            diagnostics.Add(EcrDiagnostic.Error(InputCodes.InvalidDestination,
                $"EcrDestination '{name}' names no registry. Write the registry as the Include (<EcrDestination Include=\"123456789012.dkr.ecr.us-west-2.amazonaws.com\" />, optionally followed by /REPOSITORY), or give the item Region (and RegistryId, ServiceUrl) metadata."));
            return null;
        }

        if (region is not null && !EcrRegion.IsValid(region))
        {
            diagnostics.Add(EcrDiagnostic.Error(InputCodes.InvalidDestination, $"EcrDestination '{name}': Region '{region}' is not an AWS region code. Use a code such as us-west-2 (lower case)."));
            valid = false;
        }

        if (registryId is not null && !EcrRegistryId.IsValid(registryId))
        {
            diagnostics.Add(EcrDiagnostic.Error(InputCodes.InvalidDestination, $"EcrDestination '{name}': RegistryId '{registryId}' is not a 12-digit AWS account id. Set the account that owns the registry, or leave it out for your own."));
            valid = false;
        }

        repository ??= mainRepository;
        if (repository is not null && !EcrRepositoryName.IsValid(repository))
        {
            diagnostics.Add(EcrDiagnostic.Error(InputCodes.InvalidDestination,
                $"EcrDestination '{name}': repository '{repository}' is not a valid ECR repository name. Use lower-case letters, digits and . _ - / (2-256 characters), or leave Repository out to use the main repository's name."));
            valid = false;
        }

        return valid && repository is not null
            ? new EcrDestination(name, region, registryId, repository)
            {
                ServiceUrl = serviceUrl,
                RegistryEndpoint = registryEndpoint,
                Profile = Metadata("Profile"),
                UseFips = host is { Fips: true } ? true : null,
            }
            : null;
    }

    private static bool Agrees(string name, string metadataName, string? metadata, string? fromSpec, List<EcrDiagnostic> diagnostics)
    {
        if (metadata is null || fromSpec is null || string.Equals(metadata, fromSpec, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        diagnostics.Add(EcrDiagnostic.Error(InputCodes.ConflictingDestination,
            $"EcrDestination '{name}' says {metadataName} '{fromSpec}' in its Include but '{metadata}' in its {metadataName} metadata. Keep one of them."));
        return false;
    }

    // Both errors of a destination's endpoint are ECR1072, so that one code points at the EcrDestination item.
    private static EndpointSetting EndpointSetting(string name, string metadataName, string secret) => new(
        $"EcrDestination '{name}': {metadataName}", "https://api.ecr.us-west-2.amazonaws.com", secret, InputCodes.InvalidDestinationEndpoint, InputCodes.InvalidDestinationEndpoint);

    private static string Key(string? region, string? registryId, string? repository, string? serviceUrl, string? registryEndpoint) =>
        $"{region}|{registryId}|{repository}|{serviceUrl?.TrimEnd('/')}|{registryEndpoint?.TrimEnd('/')}";
}
