using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcrPublish.Cli.ServiceModel;

namespace EcrPublish.Cli.Arguments;

/// <summary>
/// botocore's client-side parameter validation (<c>botocore/validate.py</c>): every error is collected and
/// reported as one <c>Parameter validation failed:</c> message, before anything is sent.
/// </summary>
internal static class RequestValidator
{
    public static void Validate(JsonObject parameters, ShapeModel input)
    {
        var errors = new List<string>();
        Validate(parameters, input, "", errors);
        if (errors.Count > 0)
        {
            throw new ParameterValidationException("Parameter validation failed:\n" + string.Join("\n", errors));
        }
    }

    private static void Validate(JsonNode? value, ShapeModel shape, string name, List<string> errors)
    {
        switch (shape.Type)
        {
            case "structure":
                if (value is not JsonObject structure)
                {
                    errors.Add(InvalidType(name, value, "<class 'dict'>"));
                    return;
                }

                foreach (var required in shape.Required.Where(r => !structure.ContainsKey(r)))
                {
                    errors.Add($"Missing required parameter in {DisplayName(name)}: \"{required}\"");
                }

                // Unknown keys of this level are reported before the known members are descended into.
                foreach (var (key, _) in structure.Where(p => shape.FindMember(p.Key) is null))
                {
                    errors.Add($"Unknown parameter in {DisplayName(name)}: \"{key}\", must be one of: {string.Join(", ", shape.Members.Select(m => m.Name))}");
                }

                foreach (var (key, child) in structure)
                {
                    if (shape.FindMember(key) is { } member)
                    {
                        Validate(child, member.Shape, name + "." + key, errors);
                    }
                }

                return;
            case "list":
                if (value is not JsonArray list)
                {
                    errors.Add(InvalidType(name, value, "<class 'list'>, <class 'tuple'>"));
                    return;
                }

                CheckMin(name, list.Count, shape, "length", errors);
                for (var i = 0; i < list.Count; i++)
                {
                    Validate(list[i], shape.ListMember, $"{name}[{i}]", errors);
                }

                return;
            case "map":
                if (value is not JsonObject map)
                {
                    errors.Add(InvalidType(name, value, "<class 'dict'>"));
                    return;
                }

                foreach (var (key, child) in map)
                {
                    Validate(child, shape.MapValue, name + "." + key, errors);
                }

                return;
            default:
                ValidateScalar(value, shape, name, errors);
                return;
        }
    }

    private static void ValidateScalar(JsonNode? value, ShapeModel shape, string name, List<string> errors)
    {
        var kind = value?.GetValueKind();
        switch (shape.Type)
        {
            case "string" or "blob" or "timestamp":
                if (kind != JsonValueKind.String && !(shape.Type == "timestamp" && kind == JsonValueKind.Number))
                {
                    errors.Add(InvalidType(name, value, "<class 'str'>"));
                }
                else if (shape.Type == "string")
                {
                    CheckMin(name, ((string)value!).Length, shape, "length", errors);
                }

                return;
            case "boolean":
                if (kind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    errors.Add(InvalidType(name, value, "<class 'bool'>"));
                }

                return;
            case "integer" or "long":
                if (kind != JsonValueKind.Number || !value!.AsValue().TryGetValue<long>(out var integer))
                {
                    errors.Add(InvalidType(name, value, "<class 'int'>"));
                    return;
                }

                CheckMin(name, integer, shape, "value", errors);
                return;
            default:
                if (kind != JsonValueKind.Number)
                {
                    errors.Add(InvalidType(name, value, "<class 'float'>, <class 'decimal.Decimal'>, <class 'int'>"));
                }

                return;
        }
    }

    private static void CheckMin(string name, double actual, ShapeModel shape, string what, List<string> errors)
    {
        if (shape.Min is { } min && actual < min)
        {
            var label = what == "length" ? "Invalid length" : "Invalid value";
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{label} for parameter {DisplayName(name)}, value: {actual}, valid min {what}: {min}"));
        }
    }

    private static string InvalidType(string name, JsonNode? value, string validTypes) =>
        $"Invalid type for parameter {DisplayName(name)}, value: {PythonText(value)}, type: {PythonTypeName(value)}, valid types: {validTypes}";

    // Python's str() of the value for scalars (yes, 123, True, None); aggregates as JSON.
    private static string PythonText(JsonNode? value) => value?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "None",
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.True => "True",
        JsonValueKind.False => "False",
        _ => value.ToJsonString(),
    };

    /// <summary>The Python type a value would have in botocore (<c>&lt;class 'str'&gt;</c>).</summary>
    public static string PythonTypeName(JsonNode? value) => value?.GetValueKind() switch
    {
        JsonValueKind.String => "<class 'str'>",
        JsonValueKind.Number => "<class 'int'>",
        JsonValueKind.True or JsonValueKind.False => "<class 'bool'>",
        JsonValueKind.Array => "<class 'list'>",
        JsonValueKind.Object => "<class 'dict'>",
        _ => "<class 'NoneType'>",
    };

    private static string DisplayName(string name) => name.Length == 0 ? "input" : name.TrimStart('.');
}
