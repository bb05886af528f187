using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EcrPublish.LocalEcr.ControlPlane;

/// <summary>
/// Checks a request's input against the operation's input shape in ECR's service model (the botocore model that
/// <c>dotnet ecr</c> is built from), before the operation runs, as AWS's front end does: a wrongly typed value (a string
/// for a number, 1.5 or 1e99 for an integer) is a <c>SerializationException</c>; a value outside the shape's length,
/// range, pattern or enum is an <c>InvalidParameterException</c>; a missing required member is one too. Members the
/// model does not know are ignored, as AWS ignores them. Operations added to the model are covered without code.
/// The one exception is ECR's own: an image id's tag or digest that breaks its constraints is not a request error but
/// a per-image failure (<c>InvalidImageTag</c>, <c>InvalidImageDigest</c>), so inside an <c>ImageIdentifier</c> only
/// types are checked here.
/// </summary>
internal sealed class InputShapeValidator
{
    private static readonly Lazy<InputShapeValidator> Shared = new(Load);
    private readonly JsonObject shapes;
    private readonly Dictionary<string, string> inputShapes;
    private readonly Dictionary<string, Regex> patterns = new(StringComparer.Ordinal);

    private InputShapeValidator(JsonObject model)
    {
        shapes = model["shapes"]!.AsObject();
        inputShapes = model["operations"]!.AsObject()
            .Where(operation => operation.Value?["input"]?["shape"] is not null)
            .ToDictionary(operation => operation.Key, operation => operation.Value!["input"]!["shape"]!.GetValue<string>(), StringComparer.Ordinal);
        foreach (var (_, shape) in shapes)
        {
            if (shape?["pattern"]?.GetValue<string>() is { } pattern && !patterns.ContainsKey(pattern))
            {
                // Model patterns are whole-value patterns; \z (not $) so a final "\n" is not ignored.
                patterns[pattern] = new Regex(@"\A(?:" + pattern + @")\z", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
        }
    }

    public static InputShapeValidator Instance => Shared.Value;

    /// <summary>The operations the model defines (LocalEcr implements most of them).</summary>
    public IReadOnlyCollection<string> Operations => inputShapes.Keys;

    /// <summary>Throws ECR's error for the first member that does not fit; does nothing for an operation the model lacks.</summary>
    public void Validate(string operation, JsonObject input)
    {
        if (inputShapes.TryGetValue(operation, out var shape))
        {
            Check(input, shape, string.Empty, "input");
        }
    }

    private void Check(JsonNode node, string shapeName, string path, string member, bool constraints = true)
    {
        var shape = shapes[shapeName]!.AsObject();
        constraints &= shapeName != "ImageIdentifier";
        switch (shape["type"]!.GetValue<string>())
        {
            case "structure":
                CheckStructure(node, shape, path, member, constraints);
                break;
            case "list":
                var list = node as JsonArray ?? throw EcrErrors.Serialization($"'{member}' must be an array");
                CheckCount(list.Count, shape, path, constraints);
                var memberShape = shape["member"]!["shape"]!.GetValue<string>();
                for (var i = 0; i < list.Count; i++)
                {
                    if (list[i] is { } element)
                    {
                        Check(element, memberShape, $"{path}.{i + 1}.member", member, constraints);
                    }
                }

                break;
            case "map":
                var map = node as JsonObject ?? throw EcrErrors.Serialization($"'{member}' must be an object");
                CheckCount(map.Count, shape, path, constraints);
                foreach (var (key, value) in map)
                {
                    CheckString(key, shapes[shape["key"]!["shape"]!.GetValue<string>()]!.AsObject(), $"{path}.key", constraints);
                    if (value is not null)
                    {
                        Check(value, shape["value"]!["shape"]!.GetValue<string>(), $"{path}.value", member, constraints);
                    }
                }

                break;
            case "string":
                CheckString(KindOf(node) == JsonValueKind.String ? node.GetValue<string>() : throw EcrErrors.Serialization($"'{member}' must be a string"), shape, path, constraints);
                break;
            case "integer":
                CheckRange(KindOf(node) == JsonValueKind.Number && node.AsValue().TryGetValue<int>(out var integer) ? integer : throw EcrErrors.Serialization($"'{member}' must be an integer"), shape, path, constraints);
                break;
            case "long":
                CheckRange(KindOf(node) == JsonValueKind.Number && node.AsValue().TryGetValue<long>(out var number) ? number : throw EcrErrors.Serialization($"'{member}' must be an integer"), shape, path, constraints);
                break;
            case "double" or "float":
                if (KindOf(node) != JsonValueKind.Number)
                {
                    throw EcrErrors.Serialization($"'{member}' must be a number");
                }

                break;
            case "boolean":
                if (KindOf(node) is not (JsonValueKind.True or JsonValueKind.False))
                {
                    throw EcrErrors.Serialization($"'{member}' must be a boolean");
                }

                break;
            case "timestamp":
                if (KindOf(node) != JsonValueKind.Number)
                {
                    throw EcrErrors.Serialization($"'{member}' must be a timestamp in seconds since the epoch");
                }

                break;
            case "blob":
                if (KindOf(node) != JsonValueKind.String || !IsBase64(node.GetValue<string>()))
                {
                    throw EcrErrors.Serialization($"'{member}' must be base64-encoded bytes");
                }

                break;
        }
    }

    private void CheckStructure(JsonNode node, JsonObject shape, string path, string member, bool constraints)
    {
        var structure = node as JsonObject ?? throw EcrErrors.Serialization($"'{member}' must be an object");
        var members = shape["members"]?.AsObject() ?? [];
        foreach (var required in shape["required"]?.AsArray() ?? [])
        {
            var name = required!.GetValue<string>();
            if (structure[name] is null)
            {
                throw EcrErrors.InvalidParameter(Join(path, name), "Member must not be null");
            }
        }

        foreach (var (name, value) in structure)
        {
            if (value is not null && members[name]?["shape"]?.GetValue<string>() is { } memberShape)
            {
                Check(value, memberShape, Join(path, name), name, constraints);
            }
        }
    }

    private void CheckString(string value, JsonObject shape, string path, bool constraints)
    {
        if (!constraints)
        {
            return;
        }

        CheckLength(value.Length, shape, path);
        if (shape["enum"] is JsonArray values && !values.Any(allowed => allowed!.GetValue<string>() == value))
        {
            throw EcrErrors.InvalidParameter(path, $"Member must satisfy enum value set: [{string.Join(", ", values.Select(allowed => allowed!.GetValue<string>()))}]");
        }

        if (shape["pattern"]?.GetValue<string>() is { } pattern && !patterns[pattern].IsMatch(value))
        {
            throw EcrErrors.InvalidParameter(path, $"Member must satisfy regular expression pattern: {pattern}");
        }
    }

    // A string's "min 0" is no bound worth naming: ECR says "less than or equal to 10240" for a policy text.
    private static void CheckLength(int length, JsonObject shape, string path) =>
        CheckBounds(length, shape["min"]?.GetValue<double>() is > 0 ? shape["min"]!.GetValue<double>() : null, shape["max"]?.GetValue<double>(), path, "length");

    private static void CheckCount(int count, JsonObject shape, string path, bool constraints)
    {
        if (constraints)
        {
            CheckBounds(count, shape["min"]?.GetValue<double>(), shape["max"]?.GetValue<double>(), path, "length");
        }
    }

    private static void CheckRange(long value, JsonObject shape, string path, bool constraints)
    {
        if (constraints)
        {
            CheckBounds(value, shape["min"]?.GetValue<double>(), shape["max"]?.GetValue<double>(), path, "value");
        }
    }

    /// <summary>The shape's min/max, worded as ECR words them ("Member must have length between 1 and 25").</summary>
    private static void CheckBounds(long actual, double? min, double? max, string path, string what)
    {
        if ((min is null || actual >= min) && (max is null || actual <= max))
        {
            return;
        }

        var constraint = (min, max) switch
        {
            ({ } low, { } high) => string.Create(CultureInfo.InvariantCulture, $"Member must have {what} between {low} and {high}"),
            ({ } low, null) => string.Create(CultureInfo.InvariantCulture, $"Member must have {what} greater than or equal to {low}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"Member must have {what} less than or equal to {max}"),
        };
        throw EcrErrors.InvalidParameter(path, constraint);
    }

    private static JsonValueKind KindOf(JsonNode node) => node is JsonValue ? node.GetValueKind() : JsonValueKind.Undefined;

    private static bool IsBase64(string text) => Convert.TryFromBase64String(text, new byte[text.Length], out _);

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    private static InputShapeValidator Load()
    {
        using var resource = typeof(InputShapeValidator).Assembly.GetManifestResourceStream("EcrPublish.LocalEcr.service-2.json.gz")
            ?? throw new InvalidOperationException("The embedded ECR service model is missing from EcrPublish.LocalEcr.");
        using var gzip = new GZipStream(resource, CompressionMode.Decompress);
        return new InputShapeValidator(JsonNode.Parse(gzip)!.AsObject());
    }
}
