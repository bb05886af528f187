using System.Text.RegularExpressions;
using EcrPublish.EcrRules;

namespace EcrPublish.LocalEcr.PullThrough;

/// <summary>
/// Which upstream registries a pull-through cache rule may name: ECR's list (checked against <c>upstreamRegistry</c> when
/// given), and — a LocalEcr extension, since nothing may leave the machine — a loopback registry <c>127.0.0.1:PORT</c> or
/// <c>localhost:PORT</c>. Only loopback upstreams are actually pulled from.
/// </summary>
internal static partial class UpstreamRegistryRule
{
    /// <summary>ECR's <c>upstreamRegistry</c> value for a URL, <c>""</c> for a loopback registry, null when unsupported.</summary>
    public static string? KindOf(string url)
    {
        if (IsLoopback(url))
        {
            return string.Empty;
        }

        return url switch
        {
            "public.ecr.aws" => "ecr-public",
            "registry-1.docker.io" => "docker-hub",
            "ghcr.io" => "github-container-registry",
            "registry.gitlab.com" => "gitlab-container-registry",
            "registry.k8s.io" => "k8s",
            "quay.io" => "quay",
            "cgr.dev" => "chainguard",
            _ when PrivateEcr().IsMatch(url) => "ecr",
            _ when url.EndsWith(".azurecr.io", StringComparison.Ordinal) => "azure-container-registry",
            _ => null,
        };
    }

    /// <summary>Upstreams ECR only accepts with a Secrets Manager credential.</summary>
    public static bool NeedsCredential(string kind) =>
        kind is "docker-hub" or "github-container-registry" or "azure-container-registry" or "gitlab-container-registry";

    public static bool IsLoopback(string url) => Loopback().IsMatch(url);

    [GeneratedRegex(@"^(127\.0\.0\.1|localhost):[0-9]{1,5}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Loopback();

    [GeneratedRegex(@"^" + EcrRegistryId.PatternText + @"\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com\z", RegexOptions.CultureInvariant)]
    private static partial Regex PrivateEcr();
}
