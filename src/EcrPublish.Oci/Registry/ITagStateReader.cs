namespace EcrPublish.Registry;

/// <summary>
/// Reads where a repository's tags point, and whether it holds an image, in fewer requests than a manifest GET per tag
/// (e.g. ECR's BatchGetImage: every tag and the image's digest in one call).
/// </summary>
public interface ITagStateReader
{
    /// <summary>
    /// What <paramref name="tags"/> of <paramref name="repository"/> point at and whether <paramref name="digest"/> is there;
    /// null when this reader cannot tell (denied, failed, an answer it does not trust): the push then asks the registry.
    /// </summary>
    Task<RemoteTagStates?> ReadAsync(string repository, IReadOnlyList<string> tags, string digest, CancellationToken cancellationToken);
}
