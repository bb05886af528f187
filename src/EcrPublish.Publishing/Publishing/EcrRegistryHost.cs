using EcrPublish.EcrRules;

namespace EcrPublish.Publishing;

/// <summary>Recognises Amazon ECR private registry hosts: <c>&lt;account&gt;.dkr.ecr[-fips].&lt;region&gt;.amazonaws.com[.cn]</c> and the dual-stack <c>.on.aws</c> form.</summary>
public static class EcrRegistryHost
{
    public static bool IsEcrPrivateRegistry(string registryHost) => EcrRegistryHostName.IsPrivateRegistry(registryHost);

    /// <summary>The host[:port] of a repository URI such as <c>123456789012.dkr.ecr.us-east-1.amazonaws.com/app</c>.</summary>
    public static string OfRepositoryUri(string repositoryUri)
    {
        var withoutScheme = repositoryUri.Contains("://", StringComparison.Ordinal) ? repositoryUri[(repositoryUri.IndexOf("://", StringComparison.Ordinal) + 3)..] : repositoryUri;
        var slash = withoutScheme.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? withoutScheme : withoutScheme[..slash];
    }

    /// <summary>host[:port] of an endpoint URI, the form registries are named by.</summary>
    public static string OfEndpoint(Uri endpoint) => endpoint.IsDefaultPort ? endpoint.Host : $"{endpoint.Host}:{endpoint.Port}";
}
