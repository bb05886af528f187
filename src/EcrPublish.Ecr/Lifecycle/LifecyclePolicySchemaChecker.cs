using System.Text.Json;

namespace EcrPublish.Lifecycle;

/// <summary>
/// The structural half of ECR's validation: JSON types, required and allowed members, enum words, minimums.
/// ECR runs a JSON-schema validator, so the details use that validator's wording (as reproduced by moto and seen in
/// real ECR errors). Unlike ECR, which stops at the first problem, every problem is collected.
/// </summary>
internal static class LifecyclePolicySchemaChecker
{
    private const string NoSchemaMatched = "instance failed to match exactly one schema (matched 0 out of 2)";

    private static readonly string[] RuleRequired = ["rulePriority", "selection", "action"];
    private static readonly string[] RuleAllowed = ["rulePriority", "description", "selection", "action"];
    private static readonly string[] SelectionRequired = ["tagStatus", "countType", "countNumber"];
    private static readonly string[] SelectionAllowed =
        ["tagStatus", "tagPrefixList", "tagPatternList", "storageClass", "countType", "countUnit", "countNumber"];
    private static readonly string[] ActionRequired = ["type"];
    private static readonly string[] ActionAllowed = ["type", "targetStorageClass"];

    private static readonly string[] TagStatusValues = ["tagged", "untagged", "any"];
    private static readonly string[] CountTypeValues = ["imageCountMoreThan", "sinceImagePushed", "sinceImagePulled", "sinceImageTransitioned"];
    private static readonly string[] CountUnitValues = ["days"];
    private static readonly string[] StorageClassValues = ["standard", "archive"];
    private static readonly string[] ActionTypeValues = ["expire", "transition"];
    private static readonly string[] TargetStorageClassValues = ["archive"];

    /// <summary>Checks the document and returns the rules that are structurally sound, read into the model.</summary>
    public static IReadOnlyList<IndexedLifecycleRule> Check(JsonElement root, ICollection<LifecyclePolicyError> errors)
    {
        var rules = new List<IndexedLifecycleRule>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(NotAPolicy());
            return rules;
        }

        if (!LifecycleJsonChecks.CheckMembers(root, string.Empty, ["rules"], ["rules"], errors))
        {
            return rules;
        }

        var rulesElement = root.GetProperty("rules");
        if (!LifecycleJsonChecks.CheckType(rulesElement, "rules", "array", errors))
        {
            return rules;
        }

        var index = 0;
        foreach (var ruleElement in rulesElement.EnumerateArray())
        {
            var errorCount = errors.Count;
            CheckRule(ruleElement, $"rules[{index}]", errors);
            if (errors.Count == errorCount)
            {
                if (ReadRule(ruleElement) is { } rule)
                {
                    rules.Add(new IndexedLifecycleRule(index, rule));
                }
                else
                {
                    errors.Add(NotAPolicy() with { Path = $"rules[{index}]" });
                }
            }

            index++;
        }

        return rules;
    }

    public static LifecyclePolicyError NotAPolicy() => new(
        LifecyclePolicyErrorCodes.NotAPolicy,
        string.Empty,
        LifecyclePolicyMessages.PolicyValidationFailure("Could not map policyString into LifecyclePolicy."),
        "The policy must be a JSON object of the form {\"rules\":[{\"rulePriority\":1,\"selection\":{...},\"action\":{...}}]}.");

    // The checks see only the last of duplicated members, the reader reads them all: a bad earlier duplicate fails here.
    private static LifecycleRule? ReadRule(JsonElement ruleElement)
    {
        try
        {
            return ruleElement.Deserialize(LifecyclePolicyJsonContext.Default.LifecycleRule);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void CheckRule(JsonElement rule, string path, ICollection<LifecyclePolicyError> errors)
    {
        if (!LifecycleJsonChecks.CheckType(rule, path, "object", errors))
        {
            return;
        }

        LifecycleJsonChecks.CheckMembers(rule, path, RuleRequired, RuleAllowed, errors);
        if (rule.TryGetProperty("rulePriority", out var priority))
        {
            LifecycleJsonChecks.CheckInteger(priority, $"{path}.rulePriority", errors);
        }

        if (rule.TryGetProperty("description", out var description))
        {
            LifecycleJsonChecks.CheckType(description, $"{path}.description", "string", errors);
        }

        if (rule.TryGetProperty("selection", out var selection))
        {
            CheckSelection(selection, $"{path}.selection", errors);
        }

        if (rule.TryGetProperty("action", out var action))
        {
            CheckAction(action, $"{path}.action", errors);
        }
    }

    private static void CheckSelection(JsonElement selection, string path, ICollection<LifecyclePolicyError> errors)
    {
        if (!LifecycleJsonChecks.CheckType(selection, path, "object", errors))
        {
            return;
        }

        LifecycleJsonChecks.CheckMembers(selection, path, SelectionRequired, SelectionAllowed, errors);
        if (selection.TryGetProperty("tagStatus", out var tagStatus))
        {
            LifecycleJsonChecks.CheckEnum(tagStatus, $"{path}.tagStatus", TagStatusValues, errors);
        }

        foreach (var listName in (string[])["tagPrefixList", "tagPatternList"])
        {
            if (selection.TryGetProperty(listName, out var list))
            {
                LifecycleJsonChecks.CheckStringList(list, $"{path}.{listName}", errors);
            }
        }

        if (selection.TryGetProperty("storageClass", out var storageClass))
        {
            LifecycleJsonChecks.CheckEnum(storageClass, $"{path}.storageClass", StorageClassValues, errors);
        }

        if (selection.TryGetProperty("countType", out var countType)
            && (countType.ValueKind != JsonValueKind.String || !CountTypeValues.Contains(countType.GetString(), StringComparer.Ordinal)))
        {
            errors.Add(LifecycleJsonChecks.Failure(
                LifecyclePolicyErrorCodes.CountTypeMismatch,
                $"{path}.countType",
                NoSchemaMatched,
                $"countType must be one of {LifecycleJsonChecks.Quote(CountTypeValues)}; found {LifecycleJsonChecks.Describe(countType)}."));
        }

        if (selection.TryGetProperty("countUnit", out var countUnit))
        {
            if (countUnit.ValueKind == JsonValueKind.String)
            {
                LifecycleJsonChecks.CheckEnum(countUnit, $"{path}.countUnit", CountUnitValues, errors);
            }
            else
            {
                errors.Add(LifecycleJsonChecks.Failure(
                    LifecyclePolicyErrorCodes.CountTypeMismatch,
                    $"{path}.countUnit",
                    NoSchemaMatched,
                    $"countUnit must be \"days\" (with a since* countType) or left out (with imageCountMoreThan); found {LifecycleJsonChecks.Describe(countUnit)}."));
            }
        }

        if (selection.TryGetProperty("countNumber", out var countNumber))
        {
            LifecycleJsonChecks.CheckInteger(countNumber, $"{path}.countNumber", errors);
        }
    }

    private static void CheckAction(JsonElement action, string path, ICollection<LifecyclePolicyError> errors)
    {
        if (!LifecycleJsonChecks.CheckType(action, path, "object", errors))
        {
            return;
        }

        LifecycleJsonChecks.CheckMembers(action, path, ActionRequired, ActionAllowed, errors);
        if (action.TryGetProperty("type", out var type))
        {
            LifecycleJsonChecks.CheckEnum(type, $"{path}.type", ActionTypeValues, errors);
        }

        if (action.TryGetProperty("targetStorageClass", out var target))
        {
            if (target.ValueKind == JsonValueKind.String)
            {
                LifecycleJsonChecks.CheckEnum(target, $"{path}.targetStorageClass", TargetStorageClassValues, errors);
            }
            else
            {
                errors.Add(LifecycleJsonChecks.Failure(
                    LifecyclePolicyErrorCodes.ActionMismatch,
                    $"{path}.targetStorageClass",
                    NoSchemaMatched,
                    $"targetStorageClass must be \"archive\" (with type transition) or left out (with type expire); found {LifecycleJsonChecks.Describe(target)}."));
            }
        }
    }
}
