namespace EcrPublish.EcrRules;

/// <summary>What a private ECR registry host name says: the owning account, the region, and whether it is the FIPS endpoint.</summary>
public sealed record EcrRegistryHostParts(string RegistryId, string Region, bool Fips);
