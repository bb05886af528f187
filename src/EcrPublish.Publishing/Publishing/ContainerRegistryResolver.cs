using EcrPublish.EcrRules;
using EcrPublish.Validation;

namespace EcrPublish.Publishing;

/// <summary>
/// The SDK's <c>ContainerRegistry</c> under <c>PublishToEcr</c>: an ECR host fills <c>EcrRegistryId</c> and
/// <c>EcrRegion</c> (and the FIPS endpoint) where they are empty; any other registry is refused, since EcrPublish
/// pushes to ECR only and the SDK's own <c>PublishContainer</c> serves the rest.
/// </summary>
internal static class ContainerRegistryResolver
{
    /// <summary>What the host names, or null when <c>ContainerRegistry</c> is empty or refused (an error is added).</summary>
    public static EcrRegistryHostParts? Resolve(EcrPublishInputs inputs, List<EcrDiagnostic> diagnostics)
    {
        if (InputParsing.Blank(inputs.ContainerRegistry) is not { } registry)
        {
            return null;
        }

        if (EcrRegistryHostName.Parse(registry) is not { } parts)
        {
            diagnostics.Add(EcrDiagnostic.Error(InputCodes.ContainerRegistryNotEcr,
                $"ContainerRegistry '{registry}' is not an Amazon ECR registry (<account>.dkr.ecr.<region>.amazonaws.com). PublishToEcr pushes to ECR only: "
                + "publish to other registries with the SDK's PublishContainer (dotnet publish -t:PublishContainer without PublishToEcr), or remove ContainerRegistry."));
            return null;
        }

        Disagree("EcrRegistryId", inputs.RegistryId, parts.RegistryId, registry, diagnostics);
        Disagree("EcrRegion", inputs.Region, parts.Region, registry, diagnostics);
        return parts;
    }

    private static void Disagree(string property, string? value, string fromHost, string registry, List<EcrDiagnostic> diagnostics)
    {
        if (InputParsing.Blank(value) is { } set && !string.Equals(set, fromHost, StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Add(EcrDiagnostic.Error(InputCodes.ContainerRegistryConflict,
                $"ContainerRegistry '{registry}' names {fromHost}, but {property} is '{set}'. Remove one of them, or make them name the same registry."));
        }
    }
}
