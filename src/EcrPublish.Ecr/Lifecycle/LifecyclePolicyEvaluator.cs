namespace EcrPublish.Lifecycle;

/// <summary>
/// Evaluates a lifecycle policy offline, the way ECR does (a dry run like StartLifecyclePolicyPreview):
/// per storage class, every rule looks at the images it sees and picks candidates by its count criterion; then each
/// image is acted on only by the highest-priority rule that sees it, and only if that rule picked it.
/// A higher-priority rule therefore protects what it sees even when it keeps it, while lower rules still count it.
/// </summary>
public static class LifecyclePolicyEvaluator
{
    private static readonly LifecycleStorageClass[] StorageClasses = [LifecycleStorageClass.Standard, LifecycleStorageClass.Archive];

    /// <summary>Evaluates <paramref name="policy"/> against <paramref name="images"/> as of <paramref name="now"/>.</summary>
    public static LifecyclePreview Evaluate(LifecyclePolicy policy, IEnumerable<LifecycleImage> images, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(images);
        var all = images.ToList();
        var actions = new Dictionary<int, LifecyclePreviewResult>();
        foreach (var storageClass in StorageClasses)
        {
            EvaluateStorageClass(policy, storageClass, all, now, actions);
        }

        var results = actions.OrderBy(action => action.Key).Select(action => action.Value).ToList();
        return new LifecyclePreview(results, Summarize(results));
    }

    private static void EvaluateStorageClass(
        LifecyclePolicy policy,
        LifecycleStorageClass storageClass,
        List<LifecycleImage> all,
        DateTimeOffset now,
        Dictionary<int, LifecyclePreviewResult> actions)
    {
        var rules = policy.Rules
            .Where(rule => rule.Selection.EffectiveStorageClass == storageClass)
            .OrderBy(rule => rule.RulePriority)
            .ToList();
        var inClass = Enumerable.Range(0, all.Count).Where(index => all[index].StorageClass == storageClass).ToList();

        // All rules are evaluated at the same time, each over everything it sees ...
        var candidates = rules
            .Select(rule => LifecycleCandidateFinder.Find(
                rule.Selection,
                all,
                inClass.Where(index => LifecycleRuleSelector.Sees(rule.Selection, all[index])).ToList(),
                now).ToHashSet())
            .ToList();

        // ... then applied by priority: only the first rule that sees an image may act on it.
        foreach (var index in inClass)
        {
            var image = all[index];
            var owner = rules.FindIndex(rule => LifecycleRuleSelector.Sees(rule.Selection, image));
            if (owner < 0 || image.ReferencedByManifestList || !candidates[owner].Contains(index))
            {
                continue;
            }

            var rule = rules[owner];
            var action = rule.Action.Type == LifecycleActionType.Transition
                ? new LifecyclePreviewAction(LifecycleActionType.Transition, rule.Action.TargetStorageClass ?? LifecycleStorageClass.Archive)
                : new LifecyclePreviewAction(LifecycleActionType.Expire, null);
            actions[index] = new LifecyclePreviewResult(image.Digest, image.Tags, image.PushedAt, action, rule.RulePriority, image.StorageClass);
        }
    }

    private static LifecyclePreviewSummary Summarize(List<LifecyclePreviewResult> results)
    {
        var expiring = results.Count(result => result.Action.Type == LifecycleActionType.Expire);
        var transitioning = results
            .Where(result => result.Action.Type == LifecycleActionType.Transition)
            .GroupBy(result => result.Action.TargetStorageClass ?? LifecycleStorageClass.Archive)
            .OrderBy(group => group.Key)
            .Select(group => new LifecycleTransitionCount(group.Key, group.Count()))
            .ToList();
        return new LifecyclePreviewSummary(expiring, transitioning);
    }
}
