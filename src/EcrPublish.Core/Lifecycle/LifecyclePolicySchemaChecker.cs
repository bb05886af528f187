using System.Globalization;
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

        if (!CheckMembers(root, string.Empty, ["rules"], ["rules"], errors))
        {
            return rules;
        }

        var rulesElement = root.GetProperty("rules");
        if (!CheckType(rulesElement, "rules", "array", errors))
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
                rules.Add(new IndexedLifecycleRule(index, ReadRule(ruleElement)));
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

    private static LifecycleRule ReadRule(JsonElement ruleElement) =>
        ruleElement.Deserialize(LifecyclePolicyJsonContext.Default.LifecycleRule)
        ?? throw new InvalidOperationException("A rule that passed the schema checks deserialized to null.");

    private static void CheckRule(JsonElement rule, string path, ICollection<LifecyclePolicyError> errors)
    {
        if (!CheckType(rule, path, "object", errors))
        {
            return;
        }

        CheckMembers(rule, path, RuleRequired, RuleAllowed, errors);
        if (rule.TryGetProperty("rulePriority", out var priority))
        {
            CheckInteger(priority, $"{path}.rulePriority", errors);
        }

        if (rule.TryGetProperty("description", out var description))
        {
            CheckType(description, $"{path}.description", "string", errors);
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
        if (!CheckType(selection, path, "object", errors))
        {
            return;
        }

        CheckMembers(selection, path, SelectionRequired, SelectionAllowed, errors);
        if (selection.TryGetProperty("tagStatus", out var tagStatus))
        {
            CheckEnum(tagStatus, $"{path}.tagStatus", TagStatusValues, errors);
        }

        foreach (var listName in (string[])["tagPrefixList", "tagPatternList"])
        {
            if (selection.TryGetProperty(listName, out var list))
            {
                CheckStringList(list, $"{path}.{listName}", errors);
            }
        }

        if (selection.TryGetProperty("storageClass", out var storageClass))
        {
            CheckEnum(storageClass, $"{path}.storageClass", StorageClassValues, errors);
        }

        if (selection.TryGetProperty("countType", out var countType)
            && (countType.ValueKind != JsonValueKind.String || !CountTypeValues.Contains(countType.GetString(), StringComparer.Ordinal)))
        {
            errors.Add(Failure(
                LifecyclePolicyErrorCodes.CountTypeMismatch,
                $"{path}.countType",
                NoSchemaMatched,
                $"countType must be one of {Quote(CountTypeValues)}; found {Describe(countType)}."));
        }

        if (selection.TryGetProperty("countUnit", out var countUnit))
        {
            if (countUnit.ValueKind == JsonValueKind.String)
            {
                CheckEnum(countUnit, $"{path}.countUnit", CountUnitValues, errors);
            }
            else
            {
                errors.Add(Failure(
                    LifecyclePolicyErrorCodes.CountTypeMismatch,
                    $"{path}.countUnit",
                    NoSchemaMatched,
                    $"countUnit must be \"days\" (with a since* countType) or left out (with imageCountMoreThan); found {Describe(countUnit)}."));
            }
        }

        if (selection.TryGetProperty("countNumber", out var countNumber))
        {
            CheckInteger(countNumber, $"{path}.countNumber", errors);
        }
    }

    private static void CheckAction(JsonElement action, string path, ICollection<LifecyclePolicyError> errors)
    {
        if (!CheckType(action, path, "object", errors))
        {
            return;
        }

        CheckMembers(action, path, ActionRequired, ActionAllowed, errors);
        if (action.TryGetProperty("type", out var type))
        {
            CheckEnum(type, $"{path}.type", ActionTypeValues, errors);
        }

        if (action.TryGetProperty("targetStorageClass", out var target))
        {
            if (target.ValueKind == JsonValueKind.String)
            {
                CheckEnum(target, $"{path}.targetStorageClass", TargetStorageClassValues, errors);
            }
            else
            {
                errors.Add(Failure(
                    LifecyclePolicyErrorCodes.ActionMismatch,
                    $"{path}.targetStorageClass",
                    NoSchemaMatched,
                    $"targetStorageClass must be \"archive\" (with type transition) or left out (with type expire); found {Describe(target)}."));
            }
        }
    }

    private static bool CheckMembers(
        JsonElement element,
        string path,
        IReadOnlyCollection<string> required,
        IReadOnlyCollection<string> allowed,
        ICollection<LifecyclePolicyError> errors)
    {
        var present = element.EnumerateObject().Select(member => member.Name).ToList();
        var missing = required.Where(name => !present.Contains(name, StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var unknown = present.Where(name => !allowed.Contains(name, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var where = path.Length == 0 ? "the policy" : path;
        if (missing.Count > 0)
        {
            errors.Add(Failure(
                LifecyclePolicyErrorCodes.MissingProperty,
                path,
                $"object has missing required properties ({JsonList(missing)})",
                $"{where} must have {Quote(missing)}."));
        }

        if (unknown.Count > 0)
        {
            errors.Add(Failure(
                LifecyclePolicyErrorCodes.UnknownProperty,
                path,
                $"object instance has properties which are not allowed by the schema: ({JsonList(unknown)})",
                $"remove {Quote(unknown)} from {where}; allowed are {Quote(allowed)} (member names are case-sensitive)."));
        }

        return missing.Count == 0 && unknown.Count == 0;
    }

    private static bool CheckType(JsonElement element, string path, string expected, ICollection<LifecyclePolicyError> errors)
    {
        var actual = TypeName(element);
        if (actual == expected)
        {
            return true;
        }

        errors.Add(Failure(
            LifecyclePolicyErrorCodes.WrongType,
            path,
            $"instance type ({actual}) does not match any allowed primitive type (allowed: [\"{expected}\"])",
            actual == "null"
                ? $"{path} is null; give it a value of type {expected} or leave the member out."
                : $"{path} must be of type {expected}, not {actual}."));
        return false;
    }

    private static void CheckInteger(JsonElement element, string path, ICollection<LifecyclePolicyError> errors)
    {
        if (!CheckType(element, path, "integer", errors))
        {
            return;
        }

        if (!element.TryGetInt32(out var value))
        {
            errors.Add(Failure(
                LifecyclePolicyErrorCodes.WrongType,
                path,
                $"numeric instance is greater than the required maximum (maximum: {int.MaxValue}, found: {element.GetRawText()})",
                $"{path} must be a whole number from 1 to {int.MaxValue}."));
        }
        else if (value < 1)
        {
            errors.Add(Failure(
                LifecyclePolicyErrorCodes.BelowMinimum,
                path,
                $"numeric instance is lower than the required minimum (minimum: 1, found: {value.ToString(CultureInfo.InvariantCulture)})",
                $"{path} must be 1 or more (0 and negative numbers are not accepted)."));
        }
    }

    private static void CheckEnum(JsonElement element, string path, string[] values, ICollection<LifecyclePolicyError> errors)
    {
        if (!CheckType(element, path, "string", errors))
        {
            return;
        }

        var value = element.GetString();
        if (values.Contains(value, StringComparer.Ordinal))
        {
            return;
        }

        var sorted = values.Order(StringComparer.Ordinal).ToList();
        errors.Add(Failure(
            LifecyclePolicyErrorCodes.NotInEnum,
            path,
            $"instance value ({value}) not found in enum :(possible values: {JsonList(sorted)})",
            $"{path} must be one of {Quote(values)} (lower case as written); found \"{value}\"."));
    }

    private static void CheckStringList(JsonElement element, string path, ICollection<LifecyclePolicyError> errors)
    {
        if (!CheckType(element, path, "array", errors))
        {
            return;
        }

        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            CheckType(item, $"{path}[{index}]", "string", errors);
            index++;
        }
    }

    private static LifecyclePolicyError Failure(string code, string path, string detail, string help) =>
        new(code, path, LifecyclePolicyMessages.PolicyValidationFailure(detail), help);

    private static string TypeName(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => IsInteger(element) ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };

    // ECR's validator (Jackson) reads 5 as an integer but 5.0 and 5e0 as floating-point numbers.
    private static bool IsInteger(JsonElement number) => number.GetRawText().IndexOfAny(['.', 'e', 'E']) < 0;

    private static string Describe(JsonElement element) =>
        element.ValueKind == JsonValueKind.String ? $"\"{element.GetString()}\"" : TypeName(element);

    // Same spelling as moto's reproduction of ECR's messages (Python json.dumps: ", " between items).
    private static string JsonList(IEnumerable<string> names) => "[" + string.Join(", ", names.Select(name => $"\"{name}\"")) + "]";

    private static string Quote(IEnumerable<string> names) => string.Join(", ", names.Select(name => $"\"{name}\""));
}
