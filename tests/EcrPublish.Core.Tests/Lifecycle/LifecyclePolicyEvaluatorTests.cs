using EcrPublish.Lifecycle;
using Xunit;
using static EcrPublish.Core.Tests.Lifecycle.ImageSet;
using static EcrPublish.Core.Tests.Lifecycle.PolicyText;

namespace EcrPublish.Core.Tests.Lifecycle;

public sealed class LifecyclePolicyEvaluatorTests
{
    private static readonly LifecyclePolicy KeepOneOfAny = ValidPolicy(Policy(
        Rule(1, """{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":1}""")));

    private static readonly LifecyclePolicy ExpireAfterTenDays = ValidPolicy(Policy(
        Rule(1, """{"tagStatus":"any","countType":"sinceImagePushed","countUnit":"days","countNumber":10}""")));

    [Fact]
    public void Preview_result_carries_the_image_and_the_rule_like_ecr_previewResults()
    {
        var images = new ImageSet().Add("old", Days(3), "v1", "latest").Add("new", Days(1), "v2");

        var preview = LifecyclePolicyEvaluator.Evaluate(KeepOneOfAny, images.Images, Now);

        var result = Assert.Single(preview.Results);
        Assert.Equal(
            new LifecyclePreviewResult(
                DigestOf("old"),
                images.Images[0].Tags,
                Now - Days(3),
                new LifecyclePreviewAction(LifecycleActionType.Expire, null),
                1,
                LifecycleStorageClass.Standard),
            result);
        Assert.Equal(1, preview.Summary.ExpiringImageTotalCount);
        Assert.Empty(preview.Summary.TransitioningImageTotalCounts);
    }

    [Fact]
    public void No_images_or_no_rules_give_an_empty_preview()
    {
        var empty = LifecyclePolicyEvaluator.Evaluate(KeepOneOfAny, [], Now);
        var noRules = LifecyclePolicyEvaluator.Evaluate(new LifecyclePolicy { Rules = [] }, new ImageSet().Add("a", Days(400)).Images, Now);

        Assert.Empty(empty.Results);
        Assert.Equal(0, empty.Summary.ExpiringImageTotalCount);
        Assert.Empty(noRules.Results);
    }

    [Fact]
    public void Since_image_pushed_keeps_an_image_exactly_at_the_limit_and_expires_it_a_second_later()
    {
        var images = new ImageSet().Add("at-limit", Days(10)).Add("past-limit", Days(10) + TimeSpan.FromSeconds(1));

        var preview = LifecyclePolicyEvaluator.Evaluate(ExpireAfterTenDays, images.Images, Now);

        Assert.Equal(["past-limit by 1"], images.Acted(preview));
    }

    [Fact]
    public void An_image_restored_from_archive_is_aged_from_its_restore_time()
    {
        var images = new ImageSet()
            .Add("restored", Days(300), image => image with { LastActivatedAt = Now - Days(2) })
            .Add("old", Days(20));

        var preview = LifecyclePolicyEvaluator.Evaluate(ExpireAfterTenDays, images.Images, Now);

        Assert.Equal(["old by 1"], images.Acted(preview));
    }

    [Fact]
    public void An_image_restored_from_archive_counts_as_young_for_image_count()
    {
        var images = new ImageSet()
            .Add("restored", Days(300), image => image with { LastActivatedAt = Now - Days(1) })
            .Add("newer-push", Days(5));

        var preview = LifecyclePolicyEvaluator.Evaluate(KeepOneOfAny, images.Images, Now);

        Assert.Equal(["newer-push by 1"], images.Acted(preview));
    }

    [Fact]
    public void An_image_referenced_by_a_manifest_list_is_never_acted_on_but_still_takes_a_keep_slot()
    {
        var images = new ImageSet()
            .Add("child", Days(30), image => image with { ReferencedByManifestList = true })
            .Add("index", Days(1), "v1")
            .Add("older-child", Days(40), image => image with { ReferencedByManifestList = true })
            .Add("loose", Days(35));

        var keepOne = LifecyclePolicyEvaluator.Evaluate(KeepOneOfAny, images.Images, Now);
        var byAge = LifecyclePolicyEvaluator.Evaluate(ExpireAfterTenDays, images.Images, Now);

        Assert.Equal(["loose by 1"], images.Acted(keepOne));
        Assert.Equal(["loose by 1"], images.Acted(byAge));
    }

    [Fact]
    public void Image_count_ties_are_broken_by_digest_whatever_the_input_order()
    {
        var pushedTogether = new ImageSet().Add("x", Days(1)).Add("y", Days(1)).Add("z", Days(1));
        var reversed = pushedTogether.Images.Reverse().ToList();

        var first = LifecyclePolicyEvaluator.Evaluate(KeepOneOfAny, pushedTogether.Images, Now);
        var second = LifecyclePolicyEvaluator.Evaluate(KeepOneOfAny, reversed, Now);

        var kept = pushedTogether.Images.Select(image => image.Digest).Order(StringComparer.Ordinal).First();
        Assert.Equal(2, first.Results.Count);
        Assert.DoesNotContain(first.Results, result => result.ImageDigest == kept);
        Assert.Equal(first.Results.Select(result => result.ImageDigest).Order(), second.Results.Select(result => result.ImageDigest).Order());
    }

    [Fact]
    public void Results_follow_the_order_the_images_were_given_in()
    {
        var images = new ImageSet().Add("c", Days(30)).Add("a", Days(50)).Add("b", Days(40));

        var preview = LifecyclePolicyEvaluator.Evaluate(ExpireAfterTenDays, images.Images, Now);

        Assert.Equal(images.Images.Select(image => image.Digest), preview.Results.Select(result => result.ImageDigest));
    }

    [Fact]
    public void A_keep_everything_rule_protects_what_it_sees_from_lower_priority_rules()
    {
        // The evaluator author's recipe (StackOverflow 51375318): stable 16.x images are protected by a higher rule.
        var images = new ImageSet()
            .Add("stable-1", Days(4), "16.1")
            .Add("unstable-1", Days(3), "16_1")
            .Add("stable-2", Days(2), "16.2")
            .Add("unstable-2", Days(1), "16_2");
        var policy = ValidPolicy(Policy(
            Rule(10, """{"tagStatus":"tagged","tagPrefixList":["16."],"countType":"imageCountMoreThan","countNumber":9999}"""),
            Rule(20, """{"tagStatus":"tagged","tagPrefixList":["16"],"countType":"imageCountMoreThan","countNumber":1}""")));

        var preview = LifecyclePolicyEvaluator.Evaluate(policy, images.Images, Now);

        Assert.Equal(["unstable-1 by 20"], images.Acted(preview));
    }

    [Fact]
    public void Every_prefix_needs_a_matching_tag_and_one_tag_may_match_several_prefixes()
    {
        var images = new ImageSet()
            .Add("one-tag-both-prefixes", Days(30), "v1.0")
            .Add("only-v2", Days(30), "v2.0")
            .Add("untagged", Days(30));
        var policy = ValidPolicy(Policy(
            Rule(1, """{"tagStatus":"tagged","tagPrefixList":["v","v1"],"countType":"sinceImagePushed","countUnit":"days","countNumber":10}""")));

        var preview = LifecyclePolicyEvaluator.Evaluate(policy, images.Images, Now);

        Assert.Equal(["one-tag-both-prefixes by 1"], images.Acted(preview));
    }

    [Fact]
    public void Standard_rules_ignore_archived_images_and_archive_rules_ignore_standard_ones()
    {
        var images = new ImageSet()
            .Add("standard-old", Days(500))
            .Add("archived-old", Days(500), image => image with { StorageClass = LifecycleStorageClass.Archive, LastArchivedAt = Now - Days(200) })
            .Add("archived-without-archive-time", Days(500), image => image with { StorageClass = LifecycleStorageClass.Archive });
        var archiveOnly = ValidPolicy(Policy(
            Rule(1, """{"tagStatus":"any","storageClass":"archive","countType":"sinceImageTransitioned","countUnit":"days","countNumber":100}""")));

        var standardPreview = LifecyclePolicyEvaluator.Evaluate(ExpireAfterTenDays, images.Images, Now);
        var archivePreview = LifecyclePolicyEvaluator.Evaluate(archiveOnly, images.Images, Now);

        Assert.Equal(["standard-old by 1"], images.Acted(standardPreview));
        Assert.Equal(["archived-old by 1"], images.Acted(archivePreview));
        Assert.Equal(LifecycleStorageClass.Archive, Assert.Single(archivePreview.Results).StorageClass);
    }

    [Fact]
    public void Untagged_rule_sees_only_images_without_tags()
    {
        var images = new ImageSet().Add("tagged", Days(30), "v1").Add("untagged", Days(30));
        var policy = ValidPolicy(Policy(
            Rule(1, """{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days","countNumber":1}""")));

        var preview = LifecyclePolicyEvaluator.Evaluate(policy, images.Images, Now);

        Assert.Equal(["untagged by 1"], images.Acted(preview));
    }
}
