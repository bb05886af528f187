using System.Globalization;
using System.Text.Json;

namespace EcrPublish.Lifecycle;

/// <summary>
/// JSON-schema style checks on one JSON value (type, members, integer minimum, enum word), each adding an error in the
/// wording of ECR's JSON-schema validator.
/// </summary>
internal static class LifecycleJsonChecks
{
    public static bool CheckMembers(
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

    public static bool CheckType(JsonElement element, string path, string expected, ICollection<LifecyclePolicyError> errors)
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

    public static void CheckInteger(JsonElement element, string path, ICollection<LifecyclePolicyError> errors)
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

    public static void CheckEnum(JsonElement element, string path, string[] values, ICollection<LifecyclePolicyError> errors)
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

    public static void CheckStringList(JsonElement element, string path, ICollection<LifecyclePolicyError> errors)
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

    public static LifecyclePolicyError Failure(string code, string path, string detail, string help) =>
        new(code, path, LifecyclePolicyMessages.PolicyValidationFailure(detail), help);

    public static string TypeName(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => IsInteger(element) ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };

    // ECR's validator (Jackson) reads 5 as an integer but 5.0 and 5e0 as floating-point numbers.
    public static bool IsInteger(JsonElement number) => number.GetRawText().IndexOfAny(['.', 'e', 'E']) < 0;

    public static string Describe(JsonElement element) =>
        element.ValueKind == JsonValueKind.String ? $"\"{element.GetString()}\"" : TypeName(element);

    // Same spelling as moto's reproduction of ECR's messages (Python json.dumps: ", " between items).
    public static string JsonList(IEnumerable<string> names) => "[" + string.Join(", ", names.Select(name => $"\"{name}\"")) + "]";

    public static string Quote(IEnumerable<string> names) => string.Join(", ", names.Select(name => $"\"{name}\""));
}
