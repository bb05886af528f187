using EcrPublish.Registry;

namespace EcrPublish.Images.Packages;

/// <summary>
/// Reads a layer's listing straight from its registry: the blob is streamed through the tar reader (nothing written to
/// disk) and checked against its digest at the end, so a listing is never made from bytes that are not the layer's.
/// </summary>
public static class RemoteLayerListingReader
{
    /// <param name="client">The registry holding the layer.</param>
    /// <param name="repository">A repository of that registry holding the layer.</param>
    /// <param name="digest">The layer blob's digest.</param>
    /// <param name="wantText">Which paths' contents to keep.</param>
    /// <param name="keepPath">Which entry paths to list (every one when null).</param>
    /// <param name="cancellationToken">Stops the download.</param>
    public static async Task<LayerListing> ReadAsync(
        RegistryClient client, string repository, string digest, Func<string, bool> wantText, Func<string, bool>? keepPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.OpenBlobAsync(repository, digest, cancellationToken).ConfigureAwait(false);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        // The tar reader reads synchronously; cancelling closes the body, which ends its read.
        await using var stop = cancellationToken.Register(response.Dispose);
        try
        {
            return await Task.Run(() =>
            {
                using var digesting = new DigestingReadStream(body);
                var listing = LayerListingReader.Read(digesting, wantText, keepPath);
                client.VerifyDigest("blob", repository, digest, digesting.DrainAndDigest());
                return listing;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("Reading the layer was cancelled.", exception, cancellationToken);
        }
    }
}
