using System.Globalization;

namespace EcrPublish.Lifecycle;

/// <summary>ECR's checks across the rules of a policy: unique priorities, and per storage class one untagged rule,
/// the <c>any</c> rule last, unique tag selections; plus the rule count quota.</summary>
internal static class LifecycleRuleSetChecker
{
    /// <summary>ECR's quota of rules per lifecycle policy.</summary>
    public const int MaximumRules = 50;

    public static void Check(IReadOnlyList<IndexedLifecycleRule> rules, int ruleCount, ICollection<LifecyclePolicyError> errors)
    {
        if (ruleCount > MaximumRules)
        {
            errors.Add(Failure(
                LifecyclePolicyErrorCodes.TooManyRules,
                "rules",
                $"A lifecycle policy can contain at most {MaximumRules} rules; found {ruleCount}.",
                $"merge rules until at most {MaximumRules} remain."));
        }

        CheckUniquePriorities(rules, errors);
        foreach (var storageClass in rules.GroupBy(indexed => indexed.Rule.Selection.EffectiveStorageClass))
        {
            var ofClass = storageClass.ToList();
            CheckSingleUntaggedRule(ofClass, errors);
            CheckAnyRuleIsLast(ofClass, errors);
            CheckUniqueTagSelections(ofClass, errors);
        }
    }

    private static void CheckUniquePriorities(IReadOnlyList<IndexedLifecycleRule> rules, ICollection<LifecyclePolicyError> errors)
    {
        var firstByPriority = new Dictionary<int, IndexedLifecycleRule>();
        foreach (var indexed in rules)
        {
            if (firstByPriority.TryGetValue(indexed.Rule.RulePriority, out var first))
            {
                errors.Add(Failure(
                    LifecyclePolicyErrorCodes.DuplicatePriority,
                    $"{indexed.Path}.rulePriority",
                    $"rulePriority {indexed.Rule.RulePriority} is not unique; each rule must have a unique value for rulePriority.",
                    $"rulePriority {indexed.Rule.RulePriority} is already used by {first.Path}; give every rule its own number."));
            }
            else
            {
                firstByPriority.Add(indexed.Rule.RulePriority, indexed);
            }
        }
    }

    private static void CheckSingleUntaggedRule(List<IndexedLifecycleRule> rules, ICollection<LifecyclePolicyError> errors)
    {
        var untagged = rules.Where(indexed => indexed.Rule.Selection.TagStatus == LifecycleTagStatus.Untagged).ToList();
        foreach (var extra in untagged.Skip(1))
        {
            errors.Add(Failure(
                LifecyclePolicyErrorCodes.DuplicateUntaggedRule,
                $"{extra.Path}.selection.tagStatus",
                "Only one rule can select Untagged images per storage class",
                $"{untagged[0].Path} already selects untagged images of this storage class; merge the two rules."));
        }
    }

    private static void CheckAnyRuleIsLast(List<IndexedLifecycleRule> rules, ICollection<LifecyclePolicyError> errors)
    {
        var highest = rules.Max(indexed => indexed.Rule.RulePriority);
        foreach (var indexed in rules)
        {
            var rule = indexed.Rule;
            var isLast = rule.RulePriority == highest && rules.Count(other => other.Rule.RulePriority == highest) == 1;
            if (rule.Selection.TagStatus == LifecycleTagStatus.Any && !isLast)
            {
                errors.Add(Failure(
                    LifecyclePolicyErrorCodes.AnyRuleNotLast,
                    $"{indexed.Path}.rulePriority",
                    "Rule for tagStatus=ANY must have the lowest priority per storage class",
                    $"give this \"any\" rule a rulePriority above {highest.ToString(CultureInfo.InvariantCulture)} (the largest of its storage class) so it is applied last."));
            }
        }
    }

    private static void CheckUniqueTagSelections(List<IndexedLifecycleRule> rules, ICollection<LifecyclePolicyError> errors)
    {
        var firstBySelection = new Dictionary<string, IndexedLifecycleRule>(StringComparer.Ordinal);
        foreach (var indexed in rules)
        {
            var key = TagSelectionKey(indexed.Rule.Selection);
            if (key is null)
            {
                continue;
            }

            if (firstBySelection.TryGetValue(key, out var first))
            {
                errors.Add(Failure(
                    LifecyclePolicyErrorCodes.DuplicateTagSelection,
                    $"{indexed.Path}.selection",
                    "The set of all rules selecting a specific storage class must contain a unique set of prefixes.",
                    $"{first.Path} already selects exactly these tags; merge the rules or change one list."));
            }
            else
            {
                firstBySelection.Add(key, indexed);
            }
        }
    }

    // Same kind of list with the same entries (in any order, duplicates ignored) selects the same images.
    private static string? TagSelectionKey(LifecycleSelection selection)
    {
        if (selection.TagStatus != LifecycleTagStatus.Tagged)
        {
            return null;
        }

        var (kind, list) = selection.TagPrefixList is { Count: > 0 } prefixes ? ("prefix", prefixes) : ("pattern", selection.TagPatternList);
        return list is null ? null : kind + "\n" + string.Join("\n", list.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
    }

    private static LifecyclePolicyError Failure(string code, string path, string detail, string help) =>
        new(code, path, LifecyclePolicyMessages.PolicyValidationFailure(detail), help);
}
