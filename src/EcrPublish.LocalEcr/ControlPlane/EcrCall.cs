using System.Text.Json;
using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Validation;

namespace EcrPublish.LocalEcr.ControlPlane;

/// <summary>
/// One control-plane request being served: its JSON input with typed accessors that fail as ECR does, and the facts
/// responses need (the clock, and the scheme and host the request arrived on, which every URI in a response uses).
/// </summary>
internal sealed class EcrCall(JsonObject input, string scheme, string host, DateTimeOffset now, CancellationToken cancellationToken)
{
    public JsonObject Input { get; } = input;

    /// <summary>host:port from the request's Host header, e.g. <c>127.0.0.1:5000</c>.</summary>
    public string Host { get; } = host;

    /// <summary><c>http://127.0.0.1:5000</c>: what docker logs in to.</summary>
    public string ProxyEndpoint => $"{scheme}://{Host}";

    public DateTimeOffset Now { get; } = now;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>The required, validated <c>repositoryName</c>.</summary>
    public string RepositoryName(string member = "repositoryName")
    {
        var name = OptionalString(member) ?? throw EcrErrors.InvalidParameter(member, "Member must not be null");
        var violation = RepositoryNameRule.Violation(name);
        return violation is null ? name : throw EcrErrors.InvalidParameter(member, violation);
    }

    public string RequiredString(string member) =>
        OptionalString(member) ?? throw EcrErrors.InvalidParameter(member, "Member must not be null");

    public string? OptionalString(string member) => StringOf(Input[member], member);

    public bool? OptionalBool(string member, JsonObject? from = null)
    {
        var node = (from ?? Input)[member];
        if (node is null)
        {
            return null;
        }

        return node.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw EcrErrors.Serialization($"'{member}' must be a boolean"),
        };
    }

    public int? OptionalInt(string member, int min, int max)
    {
        var node = Input[member];
        if (node is null)
        {
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.Number || !node.AsValue().TryGetValue<int>(out var value))
        {
            throw EcrErrors.Serialization($"'{member}' must be an integer");
        }

        return value >= min && value <= max
            ? value
            : throw EcrErrors.InvalidParameter(member, $"Member must have value between {min} and {max}");
    }

    public JsonObject? OptionalObject(string member, JsonObject? from = null)
    {
        var node = (from ?? Input)[member];
        return node switch
        {
            null => null,
            JsonObject value => value,
            _ => throw EcrErrors.Serialization($"'{member}' must be an object"),
        };
    }

    /// <summary>The array's elements; an absent member is null, an empty array is rejected when <paramref name="min"/> is 1.</summary>
    public IReadOnlyList<JsonNode?>? OptionalArray(string member, int min, int max, JsonObject? from = null)
    {
        var node = (from ?? Input)[member];
        if (node is null)
        {
            return null;
        }

        if (node is not JsonArray array)
        {
            throw EcrErrors.Serialization($"'{member}' must be an array");
        }

        if (array.Count < min || array.Count > max)
        {
            throw EcrErrors.InvalidParameter(member, $"Member must have length between {min} and {max}");
        }

        return array.ToList();
    }

    public static string? StringOf(JsonNode? node, string member) => node switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => throw EcrErrors.Serialization($"'{member}' must be a string"),
    };
}
