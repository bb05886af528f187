using EcrPublish.Core.Tests.Images;
using EcrPublish.Images;
using EcrPublish.Registry;
using Xunit;

namespace EcrPublish.Core.Tests.Registry;

/// <summary>
/// The layer cache's record of which repository holds a blob, and its entries as locks between concurrent publishes
/// (the same file locks MSBuild's node processes meet).
/// </summary>
public sealed class SharedBlobClaimTests : IDisposable
{
    private const string Registry = "127.0.0.1:5000";
    private static readonly string Shared = ContentDigest.Of("shared dependencies"u8);
    private static readonly string Other = ContentDigest.Of("another layer"u8);
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task A_second_publish_waits_for_the_first_to_finish_and_then_mounts_from_its_repository()
    {
        var first = await SharedBlobClaim.AcquireAsync(_temp.Path, Registry, [Shared], CancellationToken.None);
        Assert.Null(first.MountSource(Shared, "shop/catalog"));

        var second = SharedBlobClaim.AcquireAsync(_temp.Path, Registry, [Shared], CancellationToken.None);
        await Task.Delay(300);
        Assert.False(second.IsCompleted, "the second publish must wait while the first one uploads the blob");

        first.Remember("shop/catalog");
        first.Dispose();
        using var claimed = await second.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("shop/catalog", claimed.MountSource(Shared, "shop/orders"));
        Assert.Null(claimed.MountSource(Shared, "shop/catalog"));
    }

    [Fact]
    public async Task A_publish_that_fails_before_its_manifest_leaves_no_record_and_the_next_one_uploads()
    {
        using (await SharedBlobClaim.AcquireAsync(_temp.Path, Registry, [Shared], CancellationToken.None))
        {
            // No Remember: the push failed.
        }

        using var next = await SharedBlobClaim.AcquireAsync(_temp.Path, Registry, [Shared], CancellationToken.None);
        Assert.Null(next.MountSource(Shared, "shop/orders"));
    }

    [Fact]
    public async Task Publishes_that_need_the_same_blobs_in_opposite_orders_both_finish()
    {
        var tasks = Enumerable.Range(0, 8).Select(index => Task.Run(async () =>
        {
            string[] digests = index % 2 == 0 ? [Shared, Other] : [Other, Shared];
            using var claim = await SharedBlobClaim.AcquireAsync(_temp.Path, Registry, digests, CancellationToken.None);
            Assert.Equal(2, claim.Claimed.Count);
            await Task.Delay(20);
            claim.Remember($"shop/service{index}");
        })).ToArray();

        await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Registries_keep_separate_records_and_do_not_wait_for_each_other()
    {
        using var first = await SharedBlobClaim.AcquireAsync(_temp.Path, Registry, [Shared], CancellationToken.None);
        first.Remember("shop/catalog");

        using var other = await SharedBlobClaim.AcquireAsync(_temp.Path, "123456789012.dkr.ecr.eu-west-1.amazonaws.com", [Shared], CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Null(other.MountSource(Shared, "shop/orders"));
    }

    [Fact]
    public async Task A_mount_refused_from_a_fresh_record_stops_the_waiting_and_a_mount_that_works_restores_it()
    {
        using (var catalog = await SharedBlobClaim.AcquireAsync(_temp.Path, Registry, [Shared], CancellationToken.None))
        {
            catalog.Remember("shop/catalog");
        }

        using (var orders = await SharedBlobClaim.AcquireAsync(_temp.Path, Registry, [Shared], CancellationToken.None))
        {
            // The registry answered the mount with 202 (ECR without BLOB_MOUNTING): the blob went up anyway.
            orders.Observe(Shared, "shop/orders", BlobUploadOutcome.Uploaded);
            var held = SharedBlobClaim.AcquireAsync(_temp.Path, Registry, [Shared], CancellationToken.None);
            using var notWaiting = await held.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Empty(notWaiting.Claimed);
            orders.Remember("shop/orders");
        }

        using (var billing = await SharedBlobClaim.AcquireAsync(_temp.Path, Registry, [Shared], CancellationToken.None))
        {
            Assert.Equal("shop/orders", billing.MountSource(Shared, "shop/billing"));
            billing.Observe(Shared, "shop/billing", BlobUploadOutcome.Mounted);
        }

        using var holder = await SharedBlobClaim.AcquireAsync(_temp.Path, Registry, [Shared], CancellationToken.None);
        var waiting = SharedBlobClaim.AcquireAsync(_temp.Path, Registry, [Shared], CancellationToken.None);
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted, "after a mount worked, publishes wait for each other again");
        holder.Dispose();
        (await waiting).Dispose();
    }

    [Fact]
    public async Task A_refused_mount_from_an_old_record_is_a_stale_record_not_a_registry_that_refuses()
    {
        using (var catalog = await SharedBlobClaim.AcquireAsync(_temp.Path, Registry, [Shared], CancellationToken.None))
        {
            catalog.Remember("shop/catalog");
        }

        foreach (var entry in Directory.GetFiles(Path.Combine(_temp.Path, "registries"), "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(entry, DateTime.UtcNow.AddDays(-1));
        }

        using (var orders = await SharedBlobClaim.AcquireAsync(_temp.Path, Registry, [Shared], CancellationToken.None))
        {
            orders.Observe(Shared, "shop/orders", BlobUploadOutcome.Uploaded);
        }

        using var holder = await SharedBlobClaim.AcquireAsync(_temp.Path, Registry, [Shared], CancellationToken.None);
        var waiting = SharedBlobClaim.AcquireAsync(_temp.Path, Registry, [Shared], CancellationToken.None);
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted);
        holder.Dispose();
        (await waiting).Dispose();
    }

    [Fact]
    public async Task A_torn_entry_names_no_repository()
    {
        using (await SharedBlobClaim.AcquireAsync(_temp.Path, Registry, [Shared], CancellationToken.None))
        {
        }

        var entry = Directory.GetFiles(Path.Combine(_temp.Path, "registries"), ContentDigest.Hex(Shared), SearchOption.AllDirectories).Single();
        await File.WriteAllTextAsync(entry, "shop/cat\0\u00ff");

        using var claim = await SharedBlobClaim.AcquireAsync(_temp.Path, Registry, [Shared], CancellationToken.None);
        Assert.Null(claim.MountSource(Shared, "shop/orders"));
    }

    [Fact]
    public async Task Waiting_stops_when_the_publish_is_cancelled()
    {
        using var holder = await SharedBlobClaim.AcquireAsync(_temp.Path, Registry, [Shared], CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SharedBlobClaim.AcquireAsync(_temp.Path, Registry, [Shared], cancel.Token));
    }

    public void Dispose() => _temp.Dispose();
}
