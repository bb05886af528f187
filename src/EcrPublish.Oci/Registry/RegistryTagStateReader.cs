namespace EcrPublish.Registry;

/// <summary>
/// Reads tag states through the registry API: a manifest GET per tag (its content tells which blobs the repository has),
/// and, only when none of the tags exists, one HEAD of the image's manifest by digest (the same image pushed earlier
/// under other tags). When a tag exists but points elsewhere the image most likely changed, and that HEAD would be wasted.
/// </summary>
public sealed class RegistryTagStateReader(RegistryClient client) : ITagStateReader
{
    public async Task<RemoteTagStates?> ReadAsync(string repository, IReadOnlyList<string> tags, string digest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var states = new Dictionary<string, RemoteManifest?>(StringComparer.Ordinal);
        foreach (var tag in tags.Distinct(StringComparer.Ordinal))
        {
            states[tag] = await client.GetManifestAsync(repository, tag, forPush: true, cancellationToken).ConfigureAwait(false);
        }

        var present = states.Values.Any(manifest => manifest?.Digest == digest) ||
            (states.Values.All(manifest => manifest is null) &&
             await client.ManifestDigestAsync(repository, digest, cancellationToken).ConfigureAwait(false) == digest);
        return new RemoteTagStates(states, present);
    }
}
