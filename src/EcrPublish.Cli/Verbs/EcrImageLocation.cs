using EcrPublish.Aws;
using EcrPublish.EcrRules;

namespace EcrPublish.Cli.Verbs;

/// <summary>Where an image named on the command line lives in ECR: the registry host to talk to and the repository's path there.</summary>
internal static class EcrImageLocation
{
    /// <summary>
    /// An image named with its ECR host (<paramref name="host"/> parsed from <paramref name="hostName"/>) is in that host's
    /// registry; an emulator on one endpoint (LocalEcr, whose <paramref name="token"/> names its own address) serves other
    /// accounts and regions under the path prefix <c>&lt;account&gt;.dkr.ecr.&lt;region&gt;/</c>. Another host named is
    /// that host. Without a host: the registry the token names.
    /// </summary>
    public static (string Registry, string Path) Of(string? hostName, EcrRegistryHostParts? host, string repository, EcrAuthorizationToken token) => (hostName, host) switch
    {
        (not null, { } parts) when !EcrRegistryHostName.IsPrivateRegistry(token.RegistryHost) =>
            (token.RegistryHost, $"{parts.RegistryId}.dkr.ecr.{parts.Region}/{repository}"),
        ({ } name, _) => (name, repository),
        _ => (token.RegistryHost, repository),
    };
}
