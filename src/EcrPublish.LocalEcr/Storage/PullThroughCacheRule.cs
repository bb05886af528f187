namespace EcrPublish.LocalEcr.Storage;

/// <summary>A CreatePullThroughCacheRule rule: repositories named <c>&lt;prefix&gt;/…</c> are filled from the upstream registry.</summary>
internal sealed class PullThroughCacheRule
{
    /// <summary>The prefix as given (a trailing <c>/</c> removed), or <c>ROOT</c>.</summary>
    public required string EcrRepositoryPrefix { get; init; }

    /// <summary>host[:port] of the upstream registry, e.g. <c>registry-1.docker.io</c> or <c>127.0.0.1:5000</c>.</summary>
    public required string UpstreamRegistryUrl { get; init; }

    /// <summary>ECR's <c>upstreamRegistry</c> enum value (<c>docker-hub</c>, …); null for a loopback registry.</summary>
    public string? UpstreamRegistry { get; init; }

    /// <summary>Stored and returned; LocalEcr has no Secrets Manager, so it is never read.</summary>
    public string? CredentialArn { get; set; }

    public string? CustomRoleArn { get; set; }

    /// <summary>The upstream repository prefix replacing <see cref="EcrRepositoryPrefix"/>, or <c>ROOT</c> (none).</summary>
    public string UpstreamRepositoryPrefix { get; init; } = "ROOT";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>The upstream repository for a local repository name, or null when this rule does not cover the name.</summary>
    public string? UpstreamRepositoryFor(string repositoryName)
    {
        string rest;
        if (EcrRepositoryPrefix == "ROOT")
        {
            rest = repositoryName;
        }
        else if (repositoryName.StartsWith(EcrRepositoryPrefix + "/", StringComparison.Ordinal))
        {
            rest = repositoryName[(EcrRepositoryPrefix.Length + 1)..];
        }
        else
        {
            return null;
        }

        return UpstreamRepositoryPrefix == "ROOT" ? rest : $"{UpstreamRepositoryPrefix}/{rest}";
    }
}
