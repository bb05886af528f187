using System.Net;
using EcrPublish.Images.Packages;
using EcrPublish.IntegrationTests.Registry;
using EcrPublish.Registry;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Images;

/// <summary>
/// A layer's listing read while it streams from Debian's registry: the same as from the downloaded file, and a body that
/// is not the layer is refused with ECR3112 rather than listed.
/// </summary>
public sealed class RemoteLayerListingReaderTests : IDisposable
{
    private readonly string _work = Path.Combine(TestEnvironment.WorkDirectory, "remote-listing-" + Guid.NewGuid().ToString("N")[..8]);

    public RemoteLayerListingReaderTests() => Directory.CreateDirectory(_work);

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task A_streamed_layer_lists_what_its_file_lists_and_a_damaged_one_is_ECR3112()
    {
        using var session = new ImageEngineSession();
        var repository = ImageEngineSession.NewRepository("listing");
        var image = await session.Builder.BuildAsync(ImageEngineSession.Options(SyntheticPublishFolder.Create(_work, 20_000, seed: 9), "scratch"), CancellationToken.None);
        await session.Pusher.PushAsync(image, repository, ["v1"], CancellationToken.None);
        var layer = image.Images[0].Manifest.Layers[^1];
        static bool WantText(string path) => path.EndsWith(".deps.json", StringComparison.Ordinal);
        var fromFile = LayerListingReader.Read(session.Cache.BlobPath(layer.Digest), WantText);

        var streamed = await RemoteLayerListingReader.ReadAsync(session.Client, repository, layer.Digest, WantText, keepPath: null, CancellationToken.None);

        Assert.Equal(fromFile.Paths, streamed.Paths);
        Assert.Equal(fromFile.Texts, streamed.Texts);
        Assert.Single(streamed.Texts);

        await using var proxy = new RegistryProxy(TestEnvironment.Registry, request => request.Method == "GET" && request.PathAndQuery.EndsWith("/blobs/" + layer.Digest, StringComparison.Ordinal)
            ? ProxyAction.Respond(HttpStatusCode.OK, new string('x', (int)layer.Size), new Dictionary<string, string> { ["Content-Type"] = "application/octet-stream" })
            : ProxyAction.Forward);
        using var damaged = new RegistryClient(proxy.Address, null);

        var exception = await Assert.ThrowsAsync<RegistryException>(() => RemoteLayerListingReader.ReadAsync(damaged, repository, layer.Digest, WantText, null, CancellationToken.None));

        Assert.Equal(RegistryErrorCodes.ContentNotAsAddressed, exception.Code);
    }
}
