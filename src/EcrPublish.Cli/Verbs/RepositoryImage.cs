namespace EcrPublish.Cli.Verbs;

/// <summary>An image of a repository as DescribeImages lists it: digest, tags, push time and manifest media type (when told).</summary>
internal sealed record RepositoryImage(string Digest, IReadOnlyList<string> Tags, DateTimeOffset PushedAt, string? ManifestMediaType)
{
    public bool IsTagged => Tags.Count > 0;
}
