namespace EcrPublish.LocalEcr.Auth;

/// <summary>What <see cref="RegistryTokenIssuer.Check"/> found out about a registry password.</summary>
internal enum RegistryTokenStatus
{
    Valid,
    Expired,
    Invalid,
}
