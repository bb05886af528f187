using EcrPublish.Lifecycle;
using Xunit;

namespace EcrPublish.Core.Tests.Lifecycle;

/// <summary>
/// ECR's evaluation rules checked on 500 seeded random repositories and policies. Each property also counts how often
/// it was really exercised, so a generator that stops producing interesting cases fails the test.
/// </summary>
public sealed class LifecyclePropertyTests
{
    private const int ScenarioCount = 500;

    [Fact]
    public void An_image_is_acted_on_by_at_most_one_rule()
    {
        var acted = 0;
        foreach (var scenario in RandomLifecycleScenario.All(ScenarioCount))
        {
            var preview = Evaluate(scenario);
            var digests = preview.Results.Select(result => result.ImageDigest).ToList();

            Assert.True(digests.Count == digests.Distinct(StringComparer.Ordinal).Count(), $"{scenario}: an image appears twice");
            Assert.All(digests, digest => Assert.Contains(scenario.Images, image => image.Digest == digest));
            Assert.Equal(preview.Results.Count(result => result.Action.Type == LifecycleActionType.Expire), preview.Summary.ExpiringImageTotalCount);
            Assert.Equal(
                preview.Results.Count(result => result.Action.Type == LifecycleActionType.Transition),
                preview.Summary.TransitioningImageTotalCounts.Sum(count => count.ImageTotalCount));
            acted += digests.Count;
        }

        Assert.True(acted > 1000, $"only {acted} images were acted on in {ScenarioCount} scenarios");
    }

    [Fact]
    public void A_rule_only_acts_on_images_it_selects_and_whose_count_criterion_it_meets()
    {
        var checkedResults = 0;
        foreach (var scenario in RandomLifecycleScenario.All(ScenarioCount))
        {
            foreach (var result in Evaluate(scenario).Results)
            {
                var image = scenario.Images.Single(candidate => candidate.Digest == result.ImageDigest);
                var rule = scenario.Policy.Rules.Single(candidate => candidate.RulePriority == result.AppliedRulePriority);

                Assert.True(SelectionOracle.Sees(rule, image), $"{scenario}: rule {rule.RulePriority} acted on an image outside its selection");
                Assert.True(SelectionOracle.IsOlderThanLimit(rule, image, RandomLifecycleScenario.Now), $"{scenario}: rule {rule.RulePriority} acted on a too young image");
                Assert.False(image.ReferencedByManifestList, $"{scenario}: an image referenced by a manifest list was acted on");
                Assert.Equal(rule.Action.Type, result.Action.Type);
                Assert.Equal(image.StorageClass, result.StorageClass);
                checkedResults++;
            }
        }

        Assert.True(checkedResults > 1000, $"only {checkedResults} results were checked");
    }

    [Fact]
    public void An_image_selected_by_a_higher_priority_rule_is_never_acted_on_by_a_lower_one()
    {
        var protectedImages = 0;
        foreach (var scenario in RandomLifecycleScenario.All(ScenarioCount))
        {
            var preview = Evaluate(scenario);
            foreach (var image in scenario.Images)
            {
                var seenBy = scenario.Policy.Rules.Where(rule => SelectionOracle.Sees(rule, image)).OrderBy(rule => rule.RulePriority).ToList();
                var result = preview.Results.SingleOrDefault(candidate => candidate.ImageDigest == image.Digest);
                if (result is not null)
                {
                    Assert.Equal(seenBy[0].RulePriority, result.AppliedRulePriority);
                }
                else if (seenBy.Count > 1 && seenBy.Skip(1).Any(rule => WouldPick(rule, image)))
                {
                    protectedImages++;
                }
            }
        }

        Assert.True(protectedImages > 100, $"only {protectedImages} images were protected by a higher rule");
    }

    [Fact]
    public void Image_count_rule_keeps_exactly_the_N_youngest_of_its_selection_when_no_higher_rule_interferes()
    {
        var exercised = 0;
        foreach (var scenario in RandomLifecycleScenario.All(ScenarioCount))
        {
            var preview = Evaluate(scenario);
            foreach (var rule in scenario.Policy.Rules.Where(rule => rule.Selection.CountType == LifecycleCountType.ImageCountMoreThan))
            {
                var selected = scenario.Images.Where(image => SelectionOracle.Sees(rule, image)).ToList();
                var interfered = scenario.Policy.Rules.Any(higher =>
                    higher.RulePriority < rule.RulePriority && selected.Any(image => SelectionOracle.Sees(higher, image)));
                if (interfered)
                {
                    continue;
                }

                var youngestFirst = selected.OrderByDescending(image => image.LastActivatedAt ?? image.PushedAt).ToList();
                var keep = youngestFirst.Take(rule.Selection.CountNumber).Select(image => image.Digest).ToHashSet();
                var expected = youngestFirst.Skip(rule.Selection.CountNumber).Where(image => !image.ReferencedByManifestList).Select(image => image.Digest).ToHashSet();
                var actual = preview.Results.Where(result => result.AppliedRulePriority == rule.RulePriority).Select(result => result.ImageDigest).ToHashSet();

                Assert.True(expected.SetEquals(actual), $"{scenario}: rule {rule.RulePriority} acted on the wrong images");
                Assert.DoesNotContain(actual, keep.Contains);
                if (expected.Count > 0)
                {
                    exercised++;
                }
            }
        }

        Assert.True(exercised > 50, $"the property was only exercised {exercised} times");
    }

    private static LifecyclePreview Evaluate(RandomLifecycleScenario scenario) =>
        LifecyclePolicyEvaluator.Evaluate(scenario.Policy, scenario.Images, RandomLifecycleScenario.Now);

    // Whether the rule would act on the image on its own (time-based rules only; counting depends on the others).
    private static bool WouldPick(LifecycleRule rule, LifecycleImage image) =>
        rule.Selection.CountType != LifecycleCountType.ImageCountMoreThan
        && !image.ReferencedByManifestList
        && SelectionOracle.IsOlderThanLimit(rule, image, RandomLifecycleScenario.Now);
}
