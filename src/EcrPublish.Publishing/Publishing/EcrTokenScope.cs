using EcrPublish.EcrRules;

namespace EcrPublish.Publishing;

/// <summary>
/// Which ECR authorization token serves a registry host. ECR tokens are regional: a registry in another region (or a
/// pull-through cache there) needs a token from that region's GetAuthorizationToken, asked for its account.
/// </summary>
/// <param name="RegistryId">The account the host names; null for the publish's own registry.</param>
/// <param name="Region">The region the host names; null for the publish's own registry (the ECR client's region).</param>
/// <param name="Fips">The host is a FIPS registry, so its token comes from the region's FIPS endpoint.</param>
public sealed record EcrTokenScope(string? RegistryId, string? Region, bool Fips)
{
    /// <summary>The registry the publish pushes to: the ECR client's own token.</summary>
    public static readonly EcrTokenScope Own = new(null, null, false);

    /// <summary>
    /// The scope of <paramref name="registryHost"/>: <see cref="Own"/> for a host the publish pushes to, the account and
    /// region an ECR private registry host names, and null for any other registry (ECR's credentials never go there).
    /// </summary>
    public static EcrTokenScope? For(string registryHost, IReadOnlyCollection<string> ownHosts)
    {
        ArgumentNullException.ThrowIfNull(ownHosts);
        if (ownHosts.Contains(registryHost, StringComparer.OrdinalIgnoreCase))
        {
            return Own;
        }

        return EcrRegistryHostName.Parse(registryHost) is { } parts ? new EcrTokenScope(parts.RegistryId, parts.Region, parts.Fips) : null;
    }
}
