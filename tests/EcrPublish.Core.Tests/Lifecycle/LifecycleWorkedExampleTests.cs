using Xunit;
using EcrPublish.Lifecycle;
using static EcrPublish.Core.Tests.Lifecycle.ImageSet;
using static EcrPublish.Core.Tests.Lifecycle.PolicyText;

namespace EcrPublish.Core.Tests.Lifecycle;

/// <summary>
/// The worked examples of the ECR user guide ("Examples of lifecycle policies", reference ecr-api.md §5.4), one test each,
/// evaluated from real policy texts that also pass the validator.
/// </summary>
public sealed class LifecycleWorkedExampleTests
{
    private static readonly ImageSet MultipleRulesRepository = new ImageSet()
        .Add("A", Days(10), "beta-1", "prod-1")
        .Add("B", Days(9), "beta-2", "prod-2")
        .Add("C", Days(8), "beta-3");

    [Fact]
    public void Multiple_rules_example_A_expires_image_A()
    {
        var policy = ValidPolicy(Policy(
            Rule(1, """{"tagStatus":"tagged","tagPatternList":["prod*"],"countType":"imageCountMoreThan","countNumber":1}"""),
            Rule(2, """{"tagStatus":"tagged","tagPatternList":["beta*"],"countType":"imageCountMoreThan","countNumber":1}""")));

        var preview = LifecyclePolicyEvaluator.Evaluate(policy, MultipleRulesRepository.Images, Now);

        Assert.Equal(["A by 1"], MultipleRulesRepository.Acted(preview));
        Assert.Equal(1, preview.Summary.ExpiringImageTotalCount);
    }

    [Fact]
    public void Multiple_rules_example_B_expires_images_A_and_B()
    {
        var policy = ValidPolicy(Policy(
            Rule(1, """{"tagStatus":"tagged","tagPatternList":["beta*"],"countType":"imageCountMoreThan","countNumber":1}"""),
            Rule(2, """{"tagStatus":"tagged","tagPatternList":["prod*"],"countType":"imageCountMoreThan","countNumber":1}""")));

        var preview = LifecyclePolicyEvaluator.Evaluate(policy, MultipleRulesRepository.Images, Now);

        Assert.Equal(["A by 1", "B by 1"], MultipleRulesRepository.Acted(preview));
        Assert.Equal(2, preview.Summary.ExpiringImageTotalCount);
    }

    [Fact]
    public void Multiple_tags_in_a_single_rule_example_A_expires_image_C()
    {
        var images = new ImageSet()
            .Add("A", Days(12), "alpha-1")
            .Add("B", Days(11), "beta-1")
            .Add("C", Days(10), "alpha-2", "beta-2")
            .Add("D", Days(4), "alpha-3")
            .Add("E", Days(3), "beta-3")
            .Add("F", Days(2), "alpha-4", "beta-4");
        var policy = ValidPolicy(Policy(
            Rule(1, """{"tagStatus":"tagged","tagPatternList":["alpha*","beta*"],"countType":"sinceImagePushed","countUnit":"days","countNumber":5}""")));

        var preview = LifecyclePolicyEvaluator.Evaluate(policy, images.Images, Now);

        Assert.Equal(["C by 1"], images.Acted(preview));
    }

    [Fact]
    public void Multiple_tags_in_a_single_rule_example_B_tags_are_not_exclusive_expires_images_A_and_B()
    {
        var images = new ImageSet()
            .Add("A", Days(10), "alpha-1", "beta-1", "gamma-1")
            .Add("B", Days(9), "alpha-2", "beta-2")
            .Add("C", Days(8), "alpha-3", "beta-3", "gamma-2");
        var policy = ValidPolicy(Policy(
            Rule(1, """{"tagStatus":"tagged","tagPatternList":["alpha*","beta*"],"countType":"imageCountMoreThan","countNumber":1}""")));

        var preview = LifecyclePolicyEvaluator.Evaluate(policy, images.Images, Now);

        Assert.Equal(["A by 1", "B by 1"], images.Acted(preview));
    }

    [Fact]
    public void All_images_example_A_expires_images_A_B_and_C()
    {
        var images = new ImageSet()
            .Add("A", Days(4), "alpha-1")
            .Add("B", Days(3), "beta-1")
            .Add("C", Days(2))
            .Add("D", Days(1), "alpha-2");
        var policy = ValidPolicy(Policy(
            Rule(1, """{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":1}""")));

        var preview = LifecyclePolicyEvaluator.Evaluate(policy, images.Images, Now);

        Assert.Equal(["A by 1", "B by 1", "C by 1"], images.Acted(preview));
    }

    [Fact]
    public void All_images_example_B_expires_images_A_B_and_D()
    {
        // D and E were both pushed "1 day" ago and the guide treats E as the newer one: E a second later.
        var images = new ImageSet()
            .Add("A", Days(4), "alpha-1", "beta-1")
            .Add("B", Days(3))
            .Add("C", Days(2), "alpha-2")
            .Add("D", Days(1) + TimeSpan.FromSeconds(1), "git hash")
            .Add("E", Days(1));
        var policy = ValidPolicy(Policy(
            Rule(1, """{"tagStatus":"tagged","tagPatternList":["alpha*"],"countType":"imageCountMoreThan","countNumber":1}"""),
            Rule(2, """{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days","countNumber":1}"""),
            Rule(3, """{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":1}""")));

        var preview = LifecyclePolicyEvaluator.Evaluate(policy, images.Images, Now);

        Assert.Equal(["A by 1", "B by 2", "D by 3"], images.Acted(preview));
        Assert.Equal(3, preview.Summary.ExpiringImageTotalCount);
    }

    [Fact]
    public void Archive_example_transitions_prod_images_pushed_more_than_30_days_ago()
    {
        var images = new ImageSet()
            .Add("old-prod", Days(40), "prod-1")
            .Add("new-prod", Days(10), "prod-2")
            .Add("old-dev", Days(40), "dev-1");
        var policy = ValidPolicy(Policy(
            Rule(1, """{"tagStatus":"tagged","tagPatternList":["prod*"],"countType":"sinceImagePushed","countUnit":"days","countNumber":30}""", TransitionToArchive)));

        var preview = LifecyclePolicyEvaluator.Evaluate(policy, images.Images, Now);

        Assert.Equal(["old-prod by 1"], images.Acted(preview));
        var result = Assert.Single(preview.Results);
        Assert.Equal(new LifecyclePreviewAction(LifecycleActionType.Transition, LifecycleStorageClass.Archive), result.Action);
        Assert.Equal(LifecycleStorageClass.Standard, result.StorageClass);
        Assert.Equal(0, preview.Summary.ExpiringImageTotalCount);
        Assert.Equal([new LifecycleTransitionCount(LifecycleStorageClass.Archive, 1)], preview.Summary.TransitioningImageTotalCounts);
    }

    [Fact]
    public void Archive_example_transitions_any_image_not_pulled_for_90_days()
    {
        var images = new ImageSet()
            .Add("pulled-long-ago", Days(300), image => image with { LastRecordedPullTime = Now - Days(100) }, "v1")
            .Add("never-pulled-old", Days(120))
            .Add("never-pulled-new", Days(10), "v3")
            .Add("pulled-recently", Days(200), image => image with { LastRecordedPullTime = Now - Days(5) }, "v2")
            .Add("restored-not-pulled-since", Days(400), image => image with { LastRecordedPullTime = Now - Days(300), LastActivatedAt = Now - Days(20) }, "v0");
        var policy = ValidPolicy(Policy(
            Rule(1, """{"tagStatus":"any","countType":"sinceImagePulled","countUnit":"days","countNumber":90}""", TransitionToArchive)));

        var preview = LifecyclePolicyEvaluator.Evaluate(policy, images.Images, Now);

        Assert.Equal(["never-pulled-old by 1", "pulled-long-ago by 1"], images.Acted(preview));
    }

    [Fact]
    public void Archive_example_combined_transitions_after_30_days_and_expires_after_365_days_in_archive()
    {
        var images = new ImageSet()
            .Add("standard-old", Days(40), "v1")
            .Add("standard-new", Days(10), "v2")
            .Add("archived-long", Days(800), image => image with { StorageClass = LifecycleStorageClass.Archive, LastArchivedAt = Now - Days(400) }, "v0")
            .Add("archived-recently", Days(500), image => image with { StorageClass = LifecycleStorageClass.Archive, LastArchivedAt = Now - Days(100) });
        var policy = ValidPolicy(Policy(
            Rule(1, """{"tagStatus":"any","countType":"sinceImagePushed","countUnit":"days","countNumber":30}""", TransitionToArchive),
            Rule(2, """{"tagStatus":"any","storageClass":"archive","countType":"sinceImageTransitioned","countUnit":"days","countNumber":365}""")));

        var preview = LifecyclePolicyEvaluator.Evaluate(policy, images.Images, Now);

        Assert.Equal(["archived-long by 2", "standard-old by 1"], images.Acted(preview));
        Assert.Equal(1, preview.Summary.ExpiringImageTotalCount);
        Assert.Equal([new LifecycleTransitionCount(LifecycleStorageClass.Archive, 1)], preview.Summary.TransitioningImageTotalCounts);
    }
}
