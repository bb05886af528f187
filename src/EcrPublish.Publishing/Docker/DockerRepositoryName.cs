using System.Text.RegularExpressions;
using EcrPublish.EcrRules;
using EcrPublish.Images;

namespace EcrPublish.Docker;

/// <summary>A repository reference split into the registry host and the path inside it (docker's rules for where the host ends).</summary>
/// <param name="Registry">The registry host[:port], e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com or 127.0.0.1:5000.</param>
/// <param name="Path">The repository path inside the registry, e.g. team/app.</param>
public sealed partial record DockerRepositoryName(string Registry, string Path)
{
    private const string DockerHub = "docker.io";

    /// <summary>registry/path as the engine names the repository.</summary>
    public override string ToString() => Registry == DockerHub ? Path : $"{Registry}/{Path}";

    /// <summary>Parses and validates a repository reference without tag or digest.</summary>
    public static DockerRepositoryName Parse(string repository)
    {
        var slash = repository.IndexOf('/', StringComparison.Ordinal);
        var first = slash < 0 ? string.Empty : repository[..slash];
        var hasRegistry = ImageReference.IsRegistryHost(first);
        var registry = hasRegistry ? first : DockerHub;
        var path = hasRegistry ? repository[(slash + 1)..] : repository;
        if (!hasRegistry && !path.Contains('/', StringComparison.Ordinal))
        {
            path = "library/" + path;
        }

        if (!PathPattern().IsMatch(path))
        {
            throw new DockerEngineException(DockerErrorCodes.InvalidImageReference,
                $"'{repository}' is not a valid repository name: use lowercase letters, digits and the separators '.', '_', '__', '-' and '/', e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app.");
        }

        return new DockerRepositoryName(registry, path);
    }

    /// <summary>Throws when <paramref name="tag"/> is not a valid tag.</summary>
    public static void ValidateTag(string tag)
    {
        if (!EcrImageTag.IsValid(tag))
        {
            throw new DockerEngineException(DockerErrorCodes.InvalidImageReference,
                $"'{tag}' is not a valid image tag: use up to 128 letters, digits, '_', '.' and '-', not starting with '.' or '-'.");
        }
    }

    [GeneratedRegex(@"^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex PathPattern();
}
