using System.Text.Json.Nodes;

namespace EcrPublish.Cli.ServiceModel;

/// <summary>One shape of the botocore service model: its type and, for aggregates, its members.</summary>
internal sealed class ShapeModel
{
    private readonly EcrServiceModel _service;
    private readonly JsonObject _definition;

    public ShapeModel(EcrServiceModel service, string name, JsonObject definition)
    {
        _service = service;
        _definition = definition;
        Name = name;
        Type = (string?)definition["type"] ?? "string";
    }

    public string Name { get; }

    /// <summary>botocore type name: structure, list, map, string, integer, long, boolean, double, float, timestamp, blob.</summary>
    public string Type { get; }

    public bool IsScalar => Type is not ("structure" or "list" or "map");

    public string Documentation => (string?)_definition["documentation"] ?? "";

    /// <summary>Structure members in model order (the order botocore uses for parsed responses).</summary>
    public IReadOnlyList<MemberModel> Members => _members ??= ReadMembers();

    public IReadOnlySet<string> Required => _required ??=
        (_definition["required"] as JsonArray)?.Select(n => (string)n!).ToHashSet(StringComparer.Ordinal) ?? [];

    /// <summary>The element shape of a list.</summary>
    public ShapeModel ListMember => _service.Shape((string)_definition["member"]!["shape"]!);

    /// <summary>The key shape of a map.</summary>
    public ShapeModel MapKey => _service.Shape((string)_definition["key"]!["shape"]!);

    /// <summary>The value shape of a map.</summary>
    public ShapeModel MapValue => _service.Shape((string)_definition["value"]!["shape"]!);

    public IReadOnlyList<string> EnumValues =>
        (_definition["enum"] as JsonArray)?.Select(n => (string)n!).ToList() ?? [];

    /// <summary>The model's minimum (length for strings and lists, value for numbers), if any.</summary>
    public double? Min => _definition["min"] is { } min ? (double)min : null;

    public bool IsException => _definition["exception"] is not null;

    private IReadOnlyList<MemberModel>? _members;
    private IReadOnlySet<string>? _required;

    public MemberModel? FindMember(string name) => Members.FirstOrDefault(m => m.Name == name);

    private List<MemberModel> ReadMembers()
    {
        if (_definition["members"] is not JsonObject members)
        {
            return [];
        }

        return members.Select(pair => new MemberModel(
            pair.Key,
            _service.Shape((string)pair.Value!["shape"]!),
            (string?)pair.Value!["documentation"] ?? "")).ToList();
    }
}
