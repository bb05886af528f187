using EcrPublish.Cli.Arguments;
using EcrPublish.EcrRules;
using EcrPublish.Images;

namespace EcrPublish.Cli.Verbs;

/// <summary>
/// An image named on the command line of <c>images copy</c>: <c>[host/]repository[:tag]</c> or <c>[host/]repository@digest</c>,
/// the host (optional) an ECR registry (<c>&lt;account&gt;.dkr.ecr.&lt;region&gt;.amazonaws.com</c>).
/// </summary>
/// <param name="HostName">The ECR host as given, or null for the registry the credentials and region give.</param>
/// <param name="Host">What <paramref name="HostName"/> says: account and region.</param>
/// <param name="Repository">The repository name.</param>
/// <param name="Tag">The tag, or null.</param>
/// <param name="Digest">The digest, or null.</param>
internal sealed record ImageArgument(string? HostName, EcrRegistryHostParts? Host, string Repository, string? Tag, string? Digest)
{
    /// <summary>The tag or digest, whichever was given.</summary>
    public string? Reference => Digest ?? Tag;

    /// <summary>Parses <paramref name="text"/>; a bad one is a usage error with <paramref name="code"/> and <paramref name="option"/> in its message.</summary>
    public static ImageArgument Parse(string text, string option, string code)
    {
        var rest = text.Trim();
        EcrRegistryHostParts? host = null;
        string? hostName = null;
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 && rest[..slash] is var first && ImageReference.IsRegistryHost(first))
        {
            host = EcrRegistryHostName.Parse(first)
                ?? throw Invalid(text, option, code, $"'{first}' is not an Amazon ECR registry (<account>.dkr.ecr.<region>.amazonaws.com); images copy copies between ECR registries only");
            hostName = first.ToLowerInvariant();
            rest = rest[(slash + 1)..];
        }

        string? digest = null;
        string? tag = null;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = rest[(at + 1)..];
            rest = rest[..at];
            if (!EcrDigest.IsSha256(digest))
            {
                throw Invalid(text, option, code, $"'{digest}' is not a digest (sha256:<64 lowercase hex>)");
            }
        }
        else if (rest.LastIndexOf(':') is var colon and > 0)
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
            if (!EcrImageTag.IsValid(tag))
            {
                throw Invalid(text, option, code, $"'{tag}' is not a valid image tag (letters, digits, '_', '.', '-'; up to 300 characters)");
            }
        }

        return EcrRepositoryName.IsValid(rest)
            ? new ImageArgument(hostName, host, rest, tag, digest)
            : throw Invalid(text, option, code, $"'{rest}' is not a valid repository name (lowercase, digits, '.', '_', '-', '/')");
    }

    private static CliUsageException Invalid(string text, string option, string code, string why) =>
        new($"{code}: {option} '{text}': {why}. Give [<account>.dkr.ecr.<region>.amazonaws.com/]repository[:tag] or repository@sha256:<digest>.");
}
