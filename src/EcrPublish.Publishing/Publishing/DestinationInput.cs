namespace EcrPublish.Publishing;

/// <summary>An <c>EcrDestination</c> item as MSBuild hands it over, before <see cref="DestinationValidator"/> reads it.</summary>
/// <param name="Spec">The Include: <c>ACCOUNT.dkr.ecr.REGION.amazonaws.com[/REPOSITORY]</c>, or a name of the user's choice.</param>
/// <param name="Metadata">The metadata the item sets (<c>Region</c>, <c>RegistryId</c>, <c>Repository</c>, <c>ServiceUrl</c>, <c>RegistryEndpoint</c>, <c>Profile</c>); empty values left out.</param>
public sealed record DestinationInput(string Spec, IReadOnlyDictionary<string, string> Metadata)
{
    /// <summary>The metadata names an <c>EcrDestination</c> item is read for.</summary>
    public static readonly IReadOnlyList<string> MetadataNames = ["Region", "RegistryId", "Repository", "ServiceUrl", "RegistryEndpoint", "Profile"];
}
