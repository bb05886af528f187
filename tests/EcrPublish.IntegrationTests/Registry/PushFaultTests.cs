using System.Net;
using System.Text;
using EcrPublish.Images;
using EcrPublish.IntegrationTests.Images;
using EcrPublish.Registry;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Registry;

/// <summary>Pushes through a fault-injecting proxy in front of Debian's docker-registry.</summary>
public sealed class PushFaultTests : IDisposable
{
    private readonly string _work = Path.Combine(TestEnvironment.WorkDirectory, "image-engine-faults-" + Guid.NewGuid().ToString("N")[..8]);

    public PushFaultTests() => Directory.CreateDirectory(_work);

    [Fact]
    public async Task Server_errors_and_throttling_are_retried_until_the_push_completes()
    {
        var failures = new Dictionary<string, int> { ["POST"] = 2, ["PATCH"] = 1, ["PUT-manifest"] = 1 };
        await using var proxy = new RegistryProxy(TestEnvironment.Registry);
        proxy.Decide = request =>
        {
            lock (failures)
            {
                if (request.Method == "POST" && request.IsBlobUpload && failures["POST"]-- > 0)
                {
                    return ProxyAction.Error(HttpStatusCode.InternalServerError, "UNKNOWN", "injected");
                }

                if (request.Method == "PATCH" && failures["PATCH"]-- > 0)
                {
                    return ProxyAction.Error(HttpStatusCode.TooManyRequests, "TOOMANYREQUESTS", "slow down", new Dictionary<string, string> { ["Retry-After"] = "1" });
                }

                if (request.IsManifestPut && failures["PUT-manifest"]-- > 0)
                {
                    return ProxyAction.Error(HttpStatusCode.ServiceUnavailable, "UNAVAILABLE", "injected");
                }
            }

            return ProxyAction.Forward;
        };

        var (image, repository, result) = await PushSyntheticAsync(proxy, 300_000, ["v1"]);

        Assert.Equal(image.Digest, result.Digest);
        Assert.Equal(image.Digest, await DigestOfTagAsync(repository, "v1"));
        Assert.All(failures.Values, remaining => Assert.True(remaining < 0, "every injected fault was hit"));
    }

    [Fact]
    public async Task A_connection_reset_in_the_middle_of_a_blob_restarts_with_a_fresh_session()
    {
        var aborted = 0;
        await using var proxy = new RegistryProxy(TestEnvironment.Registry);
        proxy.Decide = request =>
            request.Method == "PATCH" && request.BodyLength > 1_000_000 && Interlocked.Exchange(ref aborted, 1) == 0
                ? ProxyAction.Abort(afterBodyBytes: 100_000)
                : ProxyAction.Forward;

        var (image, repository, _) = await PushSyntheticAsync(proxy, 2_000_000, ["v1"]);

        Assert.Equal(1, aborted);
        var sessions = proxy.Requests.Count(request => request.Method == "POST" && request.IsBlobUpload);
        Assert.Equal(3, sessions); // app layer twice (the broken session is not resumed), config once
        Assert.Equal(image.Digest, await DigestOfTagAsync(repository, "v1"));
    }

    [Theory]
    [InlineData("Basic")]
    [InlineData("Bearer")]
    public async Task A_401_in_the_middle_of_a_push_fetches_new_credentials_and_continues(string scheme)
    {
        var credentials = new RotatingCredentials();
        var gate = new RotatingAuthGate(scheme);
        await using var proxy = new RegistryProxy(TestEnvironment.Registry);
        proxy.Decide = request =>
        {
            // The current secret expires when the first blob upload starts, as an ECR token would.
            if (request.Method == "PATCH")
            {
                gate.ExpireOnce();
            }

            return gate.Check(request, proxy.Address);
        };

        var (image, repository, _) = await PushSyntheticAsync(proxy, 50_000, ["v1"], credentials);

        Assert.Equal(image.Digest, await DigestOfTagAsync(repository, "v1"));
        Assert.Contains(true, credentials.RefreshRequests);
        Assert.True(proxy.Requests.Count(request => request.Method == "PATCH") >= 2, "the PATCH rejected with 401 was sent again");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_missing_repository_is_reported_as_such_and_nothing_is_tagged(bool tagLookupSaysNameUnknown)
    {
        await using var proxy = new RegistryProxy(TestEnvironment.Registry);
        proxy.Decide = request =>
        {
            if (request.IsBlobUpload)
            {
                return ProxyAction.Abort(); // ECR closes the connection when the repository does not exist
            }

            if (request.PathAndQuery.Contains("/tags/list", StringComparison.Ordinal) ||
                (tagLookupSaysNameUnknown && request.Method == "GET" && request.PathAndQuery.Contains("/manifests/", StringComparison.Ordinal)))
            {
                return ProxyAction.Error(HttpStatusCode.NotFound, "NAME_UNKNOWN", "The repository with name 'x' does not exist in the registry with id '123456789012'");
            }

            return ProxyAction.Forward;
        };

        var exception = await Assert.ThrowsAsync<RegistryException>(() => PushSyntheticAsync(proxy, 10_000, ["v1"]));

        Assert.Equal(RegistryErrorCodes.RepositoryNotFound, exception.Code);
        Assert.DoesNotContain(proxy.Requests, request => request.IsManifestPut);
    }

    [Fact]
    public async Task A_blob_that_never_uploads_fails_the_push_without_any_tag()
    {
        await using var proxy = new RegistryProxy(TestEnvironment.Registry);
        proxy.Decide = request => request.Method == "PATCH"
            ? ProxyAction.Error(HttpStatusCode.InternalServerError, "UNKNOWN", "disk full")
            : ProxyAction.Forward;

        var exception = await Assert.ThrowsAsync<RegistryException>(() => PushSyntheticAsync(proxy, 10_000, ["v1"], repository: "it/never-" + Guid.NewGuid().ToString("N")[..8]));

        Assert.Equal(RegistryErrorCodes.BlobUploadFailed, exception.Code);
        Assert.DoesNotContain(proxy.Requests, request => request.IsManifestPut);
    }

    [Fact]
    public async Task An_immutable_tag_already_at_our_digest_is_success_and_at_another_digest_is_a_clear_error()
    {
        var repository = ImageEngineSession.NewRepository("immutable");
        await using var plain = new RegistryProxy(TestEnvironment.Registry);
        var (first, _, _) = await PushSyntheticAsync(plain, 10_000, ["fixed"], repository: repository, seed: 1);

        // ECR answers TAG_INVALID for any PUT to an existing immutable tag, even with the same digest.
        // The tag lookup is hidden once so the pusher does reach the PUT.
        var hideTag = 1;
        await using var proxy = new RegistryProxy(TestEnvironment.Registry);
        proxy.Decide = request =>
        {
            if (request.Method == "GET" && request.PathAndQuery.EndsWith("/manifests/fixed", StringComparison.Ordinal) && Interlocked.Decrement(ref hideTag) >= 0)
            {
                return ProxyAction.Error(HttpStatusCode.NotFound, "MANIFEST_UNKNOWN", "manifest unknown");
            }

            return request.IsManifestPut && request.PathAndQuery.EndsWith("/manifests/fixed", StringComparison.Ordinal)
                ? ProxyAction.Error(HttpStatusCode.BadRequest, "TAG_INVALID", "The image tag 'fixed' already exists in the repository and cannot be overwritten because the tag is immutable.")
                : ProxyAction.Forward;
        };

        var same = await PushSyntheticAsync(proxy, 10_000, ["fixed"], repository: repository, seed: 1);
        Assert.Equal(first.Digest, same.Image.Digest);
        Assert.Equal(["fixed"], same.Result.TagsUnchanged);

        var exception = await Assert.ThrowsAsync<RegistryException>(() => PushSyntheticAsync(proxy, 10_000, ["fixed"], repository: repository, seed: 2));
        Assert.Equal(RegistryErrorCodes.TagImmutable, exception.Code);
        Assert.Contains("'fixed'", exception.Message, StringComparison.Ordinal);
        Assert.Equal(first.Digest, await DigestOfTagAsync(repository, "fixed"));
    }

    [Fact]
    public async Task A_blob_refused_whole_is_sent_in_parts_of_at_least_5_MiB_with_local_offsets()
    {
        await using var proxy = new RegistryProxy(TestEnvironment.Registry);
        proxy.Decide = request => request.Method switch
        {
            "PATCH" when request.Header("content-range") is null && request.BodyLength > 6 * 1024 * 1024 =>
                ProxyAction.Error(HttpStatusCode.RequestEntityTooLarge, "SIZE_INVALID", "too large for one request"),
            // ECR answers parts with 201 and no up-to-date Range.
            "PATCH" => ProxyAction.Forward with { RewriteSuccessStatus = HttpStatusCode.Created },
            _ => ProxyAction.Forward,
        };
        var options = ImageEngineSession.FastRetries() with { ChunkSize = PushOptions.MinimumChunkSize };

        var (image, repository, _) = await PushSyntheticAsync(proxy, 12 * 1024 * 1024, ["v1"], pushOptions: options);

        var parts = proxy.Requests.Where(request => request.Method == "PATCH" && request.Header("content-range") is not null).ToList();
        Assert.Equal(3, parts.Count);
        Assert.Equal($"0-{PushOptions.MinimumChunkSize - 1}", parts[0].Header("content-range"));
        Assert.Equal($"{PushOptions.MinimumChunkSize}-{(2 * PushOptions.MinimumChunkSize) - 1}", parts[1].Header("content-range"));
        Assert.All(parts.SkipLast(1), part => Assert.Equal(PushOptions.MinimumChunkSize, part.BodyLength));
        Assert.Equal(image.Digest, await DigestOfTagAsync(repository, "v1"));
    }

    [Fact]
    public async Task Tag_puts_are_spaced_to_at_most_ten_per_second()
    {
        await using var proxy = new RegistryProxy(TestEnvironment.Registry);
        var tags = Enumerable.Range(1, 15).Select(i => $"t{i}").ToList();

        var (image, repository, result) = await PushSyntheticAsync(proxy, 1_000, tags);

        Assert.Equal(tags, result.TagsPushed);
        var puts = proxy.Requests.Where(request => request.IsManifestPut).Select(request => request.ReceivedAt).Order().ToList();
        Assert.Equal(15, puts.Count);
        for (var i = 10; i < puts.Count; i++)
        {
            Assert.True(puts[i] - puts[i - 10] >= TimeSpan.FromMilliseconds(900), $"tag PUT {i} came {(puts[i] - puts[i - 10]).TotalMilliseconds} ms after PUT {i - 10}");
        }

        Assert.Equal(image.Digest, await DigestOfTagAsync(repository, "t15"));
    }

    [Fact]
    public async Task Put_with_body_uploads_each_blob_in_one_request_and_progress_reaches_the_total()
    {
        await using var proxy = new RegistryProxy(TestEnvironment.Registry);
        var reports = new System.Collections.Concurrent.ConcurrentQueue<PushProgress>();
        var options = ImageEngineSession.FastRetries() with { UploadMode = UploadMode.PutWithBody, Progress = reports.Enqueue };

        var (image, repository, result) = await PushSyntheticAsync(proxy, 200_000, ["v1"], pushOptions: options);

        Assert.DoesNotContain(proxy.Requests, request => request.Method == "PATCH");
        Assert.Equal(2, proxy.Requests.Count(request => request.Method == "PUT" && request.IsBlobUpload && request.BodyLength > 0));
        var blobBytes = image.Images[0].Blobs.Sum(blob => blob.Descriptor.Size);
        Assert.Equal(blobBytes, result.BlobBytesSent);
        var last = reports.MaxBy(report => (report.BlobsDone, report.BytesSent))!;
        Assert.Equal((blobBytes, blobBytes, 2, 2), (last.BytesSent, last.TotalBytes, last.BlobsDone, last.BlobsTotal));
        Assert.Equal(image.Digest, await DigestOfTagAsync(repository, "v1"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Base_layers_are_mounted_from_the_base_repository_or_copied_when_the_mount_fails(bool mountWorks)
    {
        await using var proxy = new RegistryProxy(TestEnvironment.Registry);
        var baseRepository = ImageEngineSession.NewRepository("base");
        await PushSyntheticAsync(proxy, 300_000, ["1"], repository: baseRepository, seed: 3);
        proxy.Decide = request => !mountWorks && request.PathAndQuery.Contains("mount=", StringComparison.Ordinal)
            ? ProxyAction.Abort()
            : ProxyAction.Forward;

        using var session = new ImageEngineSession(proxy.Address);
        var folder = SyntheticPublishFolder.Create(_work, 1_000, seed: 4);
        var image = await session.Builder.BuildAsync(ImageEngineSession.Options(folder, $"{proxy.Address}/{baseRepository}:1"), CancellationToken.None);
        var repository = ImageEngineSession.NewRepository("on-base");
        var result = await session.Pusher.PushAsync(image, repository, ["v1"], CancellationToken.None);

        Assert.Equal(mountWorks ? 1 : 0, result.BlobsMounted);
        Assert.Equal(mountWorks ? 2 : 3, result.BlobsUploaded);
        Assert.Equal(image.Digest, await DigestOfTagAsync(repository, "v1"));
        var baseLayer = image.Images[0].Manifest.Layers[0];
        Assert.True(await session.Client.BlobExistsAsync(repository, baseLayer.Digest, CancellationToken.None));
    }

    [Fact]
    public async Task A_large_blob_goes_in_parts_over_a_slow_link_and_a_reset_in_the_middle_resumes_where_the_registry_stands()
    {
        await using var proxy = new RegistryProxy(TestEnvironment.Registry) { BodyBytesPerSecond = 8 * 1024 * 1024 };
        var second = $"{PushOptions.MinimumChunkSize}-";
        var aborted = 0;
        proxy.Decide = request =>
            request.Method == "PATCH" && request.Header("content-range")?.StartsWith(second, StringComparison.Ordinal) == true && Interlocked.Exchange(ref aborted, 1) == 0
                ? ProxyAction.Abort(afterBodyBytes: 1024 * 1024)
                : ProxyAction.Forward;
        var options = ImageEngineSession.FastRetries() with { ChunkSize = PushOptions.MinimumChunkSize, ChunkedUploadAbove = 8 * 1024 * 1024 };

        var (image, repository, _) = await PushSyntheticAsync(proxy, 12 * 1024 * 1024, ["v1"], pushOptions: options);

        Assert.Equal(1, aborted);
        var ranges = proxy.Requests.Where(request => request.Method == "PATCH" && request.Header("content-range") is not null).Select(request => request.Header("content-range")).ToList();
        Assert.Equal(["0-5242879", "5242880-10485759", "5242880-10485759", $"10485760-{image.Images[0].Manifest.Layers[^1].Size - 1}"], ranges);
        Assert.Equal(2, proxy.Requests.Count(request => request.Method == "POST" && request.IsBlobUpload)); // app layer and config: the session was resumed, not restarted
        Assert.Contains(proxy.Requests, request => request.Method == "GET" && request.IsBlobUpload); // asked the registry where it stands
        Assert.Equal(image.Digest, await DigestOfTagAsync(repository, "v1"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_stalled_upload_is_given_up_after_the_stall_timeout_and_sent_again()
    {
        var stalled = 0;
        await using var proxy = new RegistryProxy(TestEnvironment.Registry);
        proxy.Decide = request =>
            request.Method == "PATCH" && request.BodyLength > 100_000 && Interlocked.Exchange(ref stalled, 1) == 0
                ? ProxyAction.Stall(afterBodyBytes: 50_000)
                : ProxyAction.Forward;

        var (image, repository, _) = await PushSyntheticAsync(proxy, 300_000, ["v1"], clientOptions: new RegistryClientOptions { StallTimeout = TimeSpan.FromSeconds(1) });

        Assert.Equal(1, stalled);
        Assert.Equal(2, proxy.Requests.Count(request => request.Method == "PATCH" && request.BodyLength > 100_000));
        Assert.Equal(image.Digest, await DigestOfTagAsync(repository, "v1"));
    }

    private async Task<(ImageBuildResult Image, string Repository, PushResult Result)> PushSyntheticAsync(
        RegistryProxy proxy, int appBytes, IReadOnlyList<string> tags, IRegistryCredentialProvider? credentials = null,
        string? repository = null, int seed = 42, PushOptions? pushOptions = null, RegistryClientOptions? clientOptions = null)
    {
        // The faults are injected into the PATCH + PUT shape; small blobs would otherwise go as one PUT with the body.
        using var session = new ImageEngineSession(proxy.Address, credentials, pushOptions ?? ImageEngineSession.FastRetries() with { MonolithicPutUpTo = 0 }, clientOptions);
        repository ??= ImageEngineSession.NewRepository("faults");
        var folder = SyntheticPublishFolder.Create(_work, appBytes, seed);
        var image = await session.Builder.BuildAsync(ImageEngineSession.Options(folder, "scratch"), CancellationToken.None);
        var result = await session.Pusher.PushAsync(image, repository, tags, CancellationToken.None);
        return (image, repository, result);
    }

    /// <summary>What the registry itself (not the proxy) says the tag points at, or null.</summary>
    private static async Task<string?> DigestOfTagAsync(string repository, string tag)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Head, $"http://{TestEnvironment.Registry}/v2/{repository}/manifests/{tag}");
        foreach (var type in MediaTypes.AllManifestTypes)
        {
            request.Headers.Accept.ParseAdd(type);
        }

        using var response = await http.SendAsync(request);
        return response.IsSuccessStatusCode ? response.Headers.GetValues("Docker-Content-Digest").Single() : null;
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
