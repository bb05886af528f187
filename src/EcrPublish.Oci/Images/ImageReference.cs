namespace EcrPublish.Images;

/// <summary>A parsed image reference: <c>[registry/]repository[:tag][@digest]</c>.</summary>
public sealed record ImageReference(string Registry, string Repository, string? Tag, string? Digest)
{
    public const string DockerHub = "registry-1.docker.io";

    /// <summary>The tag or digest to fetch (digest wins).</summary>
    public string Reference => Digest ?? Tag ?? "latest";

    public static ImageReference Parse(string reference)
    {
        var text = reference.Trim();
        string? digest = null;
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = text[(at + 1)..];
            text = text[..at];
            if (!ContentDigest.IsValid(digest))
            {
                throw Invalid(reference);
            }
        }

        var firstSlash = text.IndexOf('/', StringComparison.Ordinal);
        var registry = DockerHub;
        if (firstSlash > 0)
        {
            var first = text[..firstSlash];
            if (IsRegistryHost(first))
            {
                registry = first;
                text = text[(firstSlash + 1)..];
            }
        }

        string? tag = null;
        var colon = text.LastIndexOf(':');
        if (colon > text.LastIndexOf('/'))
        {
            tag = text[(colon + 1)..];
            text = text[..colon];
        }

        if (text.Length == 0 || text.Any(c => char.IsUpper(c) || char.IsWhiteSpace(c)) || tag?.Length == 0)
        {
            throw Invalid(reference);
        }

        if (registry == DockerHub && !text.Contains('/', StringComparison.Ordinal))
        {
            text = "library/" + text;
        }

        return new ImageReference(registry, text, tag ?? (digest is null ? "latest" : null), digest);
    }

    /// <summary>
    /// Whether <paramref name="firstComponent"/>, the part of a reference before its first '/', names a registry host
    /// rather than the start of a repository path: it holds a '.' or a ':' or is <c>localhost</c>, as Docker decides.
    /// </summary>
    public static bool IsRegistryHost(string firstComponent)
    {
        ArgumentNullException.ThrowIfNull(firstComponent);
        return firstComponent.Contains('.', StringComparison.Ordinal) || firstComponent.Contains(':', StringComparison.Ordinal) || firstComponent == "localhost";
    }

    public override string ToString() =>
        $"{Registry}/{Repository}{(Tag is null ? "" : ":" + Tag)}{(Digest is null ? "" : "@" + Digest)}";

    private static ImageBuildException Invalid(string reference) => new(ImageErrorCodes.InvalidImageReference,
        $"'{reference}' is not a valid image reference. Use [registry/]repository[:tag][@sha256:<64 hex>] in lower case.");
}
