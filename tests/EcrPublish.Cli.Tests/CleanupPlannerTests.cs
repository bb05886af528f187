using EcrPublish.Cli.Verbs;
using Xunit;

namespace EcrPublish.Cli.Tests;

/// <summary>Which untagged images <c>images cleanup</c> may delete, from the links between manifests.</summary>
public sealed class CleanupPlannerTests
{
    private static readonly DateTimeOffset Pushed = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    [Fact]
    public void The_images_of_a_tagged_index_and_the_referrers_of_a_kept_image_stay_and_the_rest_goes()
    {
        var images = new[] { Image("index", "v1"), Image("amd64"), Image("arm64"), Image("sbom"), Image("signature-of-sbom"), Image("stale") };
        var links = new Dictionary<string, ManifestLinks>
        {
            ["index"] = new(["amd64", "arm64"], null),
            ["amd64"] = ManifestLinks.None,
            ["arm64"] = ManifestLinks.None,
            ["sbom"] = new([], "index"),
            ["signature-of-sbom"] = new([], "sbom"),
            ["stale"] = ManifestLinks.None,
        };

        var plan = CleanupPlanner.Plan(images, Untagged(images), links, includeOrphanReferrers: false);

        Assert.Equal(["stale"], plan.Deleted.Select(image => image.Digest));
        Assert.Equal(
            ["amd64 ReferencedByKeptIndex index", "arm64 ReferencedByKeptIndex index", "sbom ReferrerOfKeptImage index", "signature-of-sbom ReferrerOfKeptImage sbom"],
            plan.Kept.Select(kept => $"{kept.Image.Digest} {kept.Reason} {kept.Because}"));
    }

    [Fact]
    public void An_untagged_index_goes_in_a_wave_before_its_images_and_takes_its_referrers_only_with_the_orphan_option()
    {
        var images = new[] { Image("old-index"), Image("old-amd64"), Image("old-signature") };
        var links = new Dictionary<string, ManifestLinks>
        {
            ["old-index"] = new(["old-amd64"], null),
            ["old-amd64"] = ManifestLinks.None,
            ["old-signature"] = new([], "old-index"),
        };

        var keepingOrphans = CleanupPlanner.Plan(images, Untagged(images), links, includeOrphanReferrers: false);
        var withOrphans = CleanupPlanner.Plan(images, Untagged(images), links, includeOrphanReferrers: true);

        Assert.Equal([["old-index"], ["old-amd64"]], keepingOrphans.DeletionWaves.Select(wave => wave.Select(image => image.Digest)));
        Assert.Equal(["old-signature OrphanReferrer old-index"], keepingOrphans.Kept.Select(kept => $"{kept.Image.Digest} {kept.Reason} {kept.Because}"));
        Assert.Equal([["old-index", "old-signature"], ["old-amd64"]], withOrphans.DeletionWaves.Select(wave => wave.Select(image => image.Digest)));
        Assert.Empty(withOrphans.Kept);
    }

    [Fact]
    public void An_image_outside_the_selection_keeps_what_it_lists_and_an_unreadable_manifest_keeps_its_image()
    {
        var images = new[] { Image("young-index"), Image("child"), Image("unreadable") };
        var links = new Dictionary<string, ManifestLinks> { ["young-index"] = new(["child"], null), ["child"] = ManifestLinks.None };

        var plan = CleanupPlanner.Plan(images, new HashSet<string> { "child", "unreadable" }, links, includeOrphanReferrers: true);

        Assert.Empty(plan.Deleted);
        Assert.Equal(["child ReferencedByKeptIndex", "unreadable ManifestUnreadable"], plan.Kept.Select(kept => $"{kept.Image.Digest} {kept.Reason}"));
    }

    [Fact]
    public void A_manifest_tells_its_children_and_its_subject()
    {
        var index = ManifestLinks.Parse("""{"schemaVersion":2,"manifests":[{"digest":"sha256:a"},{"digest":"sha256:b"}]}""");
        var referrer = ManifestLinks.Parse("""{"schemaVersion":2,"layers":[],"subject":{"mediaType":"application/vnd.oci.image.index.v1+json","digest":"sha256:c","size":1}}""");

        Assert.Equal(["sha256:a", "sha256:b"], index.Children);
        Assert.Null(index.Subject);
        Assert.Empty(referrer.Children);
        Assert.Equal("sha256:c", referrer.Subject);
        Assert.Same(ManifestLinks.None, ManifestLinks.Parse("not json"));
    }

    private static RepositoryImage Image(string digest, params string[] tags) => new(digest, tags, Pushed, null);

    private static HashSet<string> Untagged(IEnumerable<RepositoryImage> images) => [.. images.Where(image => !image.IsTagged).Select(image => image.Digest)];
}
