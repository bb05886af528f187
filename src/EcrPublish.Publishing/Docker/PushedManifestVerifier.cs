using System.Text.Json;
using EcrPublish.Images;
using EcrPublish.Registry;

namespace EcrPublish.Docker;

/// <summary>
/// Asks the registry itself which manifest each pushed tag points at (with every manifest media type in Accept,
/// so the registry never converts) and checks it is the digest the engine reported; then reads that manifest's
/// layer sizes. The registry is spoken to by the same <see cref="RegistryClient"/> the daemonless push uses.
/// </summary>
/// <param name="plainHttp">true for http; false or null use http only for loopback registries (as the engine does).</param>
/// <param name="handler">The HTTP handler (default: a new SocketsHttpHandler).</param>
public sealed class PushedManifestVerifier(bool? plainHttp = null, HttpMessageHandler? handler = null) : IDisposable
{
    /// <summary>Checks that every tag of <paramref name="pushed"/> resolves to its digest in the registry.</summary>
    /// <returns>The compressed sizes of the manifest's layers, in order; null when the digest names an index.</returns>
    public async Task<IReadOnlyList<long>?> VerifyAsync(DockerPushResult pushed, DockerRegistryCredentials? credentials, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pushed);
        var repository = DockerRepositoryName.Parse(pushed.Repository);
        var host = repository.Registry == "docker.io" ? "registry-1.docker.io" : repository.Registry;
        var provider = credentials is null ? null : new StaticCredentialProvider(host, new RegistryCredential(credentials.Username, credentials.Password));
        using var client = new RegistryClient(host, provider, new RegistryClientOptions { PlainHttpRegistries = plainHttp == true ? [host] : [], Handler = handler });
        foreach (var tag in pushed.Tags)
        {
            var served = await ReadAsync(client, repository, tag, cancellationToken).ConfigureAwait(false);
            if (!string.Equals(served.Digest, pushed.Digest, StringComparison.Ordinal))
            {
                throw new DockerEngineException(DockerErrorCodes.DigestMismatch,
                    $"The registry serves {pushed.Repository}:{tag} at {served.Digest}, but the engine pushed {pushed.Digest}. Another push may have moved the tag; publish again.");
            }
        }

        var manifest = await ReadAsync(client, repository, pushed.Digest, cancellationToken).ConfigureAwait(false);
        using var document = JsonDocument.Parse(manifest.Content);
        return document.RootElement.TryGetProperty("layers", out var layers) && layers.ValueKind == JsonValueKind.Array
            ? layers.EnumerateArray().Select(layer => layer.GetProperty("size").GetInt64()).ToList()
            : null;
    }

    public void Dispose() => handler?.Dispose();

    private static async Task<RemoteManifest> ReadAsync(RegistryClient client, DockerRepositoryName repository, string reference, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetManifestAsync(repository.Path, reference, forPush: false, cancellationToken).ConfigureAwait(false)
                ?? throw new DockerEngineException(DockerErrorCodes.RegistryVerificationFailed,
                    $"The registry answered 404 Not Found for {repository.Registry}/{repository.Path}:{reference} right after the push. Check that the repository accepts reads with these credentials.");
        }
        catch (RegistryException exception)
        {
            throw new DockerEngineException(DockerErrorCodes.RegistryVerificationFailed,
                $"The registry could not confirm {repository.Registry}/{repository.Path}:{reference} right after the push: {exception.Explanation}", exception);
        }
    }
}
