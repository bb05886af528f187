namespace EcrPublish.Publishing;

/// <summary>
/// Another registry the same image goes to (an <c>EcrDestination</c> item): its region, account and repository, and
/// optionally its own endpoints. The tags, repository settings and referrers are the main publish's.
/// </summary>
/// <param name="Name">The item as written (its Include), for messages and the result.</param>
/// <param name="Region">The destination's region; the main publish's when null.</param>
/// <param name="RegistryId">The account that owns the registry; the caller's own when null.</param>
/// <param name="Repository">The repository name there.</param>
public sealed record EcrDestination(string Name, string? Region, string? RegistryId, string Repository)
{
    /// <summary>The destination's ECR API endpoint; the standard one of its region when null (never the main publish's EcrServiceUrl, which names one region's).</summary>
    public Uri? ServiceUrl { get; init; }

    /// <summary>Where to push instead of the registry ECR names there; null uses ECR's.</summary>
    public Uri? RegistryEndpoint { get; init; }

    /// <summary>The AWS profile whose credentials reach the destination; the main publish's when null.</summary>
    public string? Profile { get; init; }

    /// <summary>The destination's Include names a FIPS registry (<c>.dkr.ecr-fips.</c>).</summary>
    public bool? UseFips { get; init; }
}
