namespace EcrPublish.SupplyChain;

/// <summary>A relationship between two components, by <see cref="SbomComponent.Id"/>.</summary>
/// <param name="From">The component the relationship starts at.</param>
/// <param name="Type">CONTAINS, DEPENDS_ON or DESCENDANT_OF (SPDX's names; CycloneDX's dependsOn carries DEPENDS_ON).</param>
/// <param name="To">The component it points at.</param>
public sealed record SbomRelationship(string From, string Type, string To)
{
    public const string Contains = "CONTAINS";
    public const string DependsOn = "DEPENDS_ON";
    public const string DescendantOf = "DESCENDANT_OF";
}
