using System.IO.Compression;
using System.Text.Json.Nodes;
using EcrPublish.Cli.Arguments;
using EcrPublish.Cli.Execution;

namespace EcrPublish.Cli.ServiceModel;

/// <summary>
/// botocore's ECR service model (service-2.json, paginators-1.json, waiters-2.json), embedded in the tool.
/// Every <c>dotnet ecr</c> command, option, pagination rule and waiter is derived from it, as the AWS CLI does.
/// </summary>
internal sealed class EcrServiceModel
{
    private static readonly Lazy<EcrServiceModel> s_instance = new(Load);

    private readonly JsonObject _shapes;
    private readonly Dictionary<string, ShapeModel> _shapeCache = new(StringComparer.Ordinal);

    private EcrServiceModel(JsonObject service, JsonObject paginators, JsonObject waiters)
    {
        _shapes = (JsonObject)service["shapes"]!;
        var metadata = (JsonObject)service["metadata"]!;
        TargetPrefix = (string)metadata["targetPrefix"]!;
        Operations = ReadOperations((JsonObject)service["operations"]!, (JsonObject)paginators["pagination"]!);
        Waiters = ReadWaiters((JsonObject)waiters["waiters"]!);
    }

    /// <summary>The model shipped with the tool.</summary>
    public static EcrServiceModel Instance => s_instance.Value;

    public string TargetPrefix { get; }

    /// <summary>Operations keyed by CLI name (<c>describe-images</c>), sorted.</summary>
    public IReadOnlyDictionary<string, OperationModel> Operations { get; }

    /// <summary>Waiters keyed by CLI name (<c>image-scan-complete</c>), sorted.</summary>
    public IReadOnlyDictionary<string, WaiterModel> Waiters { get; }

    public ShapeModel Shape(string name)
    {
        if (!_shapeCache.TryGetValue(name, out var shape))
        {
            shape = new ShapeModel(this, name, (JsonObject)_shapes[name]!);
            _shapeCache[name] = shape;
        }

        return shape;
    }

    public OperationModel OperationByName(string operationName) =>
        Operations.Values.First(o => o.Name == operationName);

    private SortedDictionary<string, OperationModel> ReadOperations(JsonObject operations, JsonObject pagination)
    {
        var result = new SortedDictionary<string, OperationModel>(StringComparer.Ordinal);
        foreach (var (name, node) in operations)
        {
            var operation = (JsonObject)node!;
            var input = (string?)operation["input"]?["shape"];
            var output = (string?)operation["output"]?["shape"];
            var cliName = CliNames.FromModelName(name);
            result[cliName] = new OperationModel(
                name,
                cliName,
                input is null ? null : Shape(input),
                output is null ? null : Shape(output),
                (string?)operation["documentation"] ?? "",
                pagination[name] is JsonObject paginator ? ReadPaginator(paginator) : null);
        }

        return result;
    }

    private static PaginatorModel ReadPaginator(JsonObject paginator) => new(
        (string)paginator["input_token"]!,
        (string)paginator["output_token"]!,
        (string?)paginator["limit_key"],
        StringOrList(paginator["result_key"]),
        StringOrList(paginator["non_aggregate_keys"]));

    private static SortedDictionary<string, WaiterModel> ReadWaiters(JsonObject waiters)
    {
        var result = new SortedDictionary<string, WaiterModel>(StringComparer.Ordinal);
        foreach (var (name, node) in waiters)
        {
            var waiter = (JsonObject)node!;
            var acceptors = ((JsonArray)waiter["acceptors"]!).Select(a => new WaiterAcceptor(
                (string)a!["state"]!,
                (string)a["matcher"]!,
                (string?)a["argument"],
                a["expected"]!.ToJsonString().Trim('"'))).ToList();
            var cliName = CliNames.FromModelName(name);
            result[cliName] = new WaiterModel(
                name,
                cliName,
                (string)waiter["operation"]!,
                (string?)waiter["description"] ?? "",
                (int)waiter["delay"]!,
                (int)waiter["maxAttempts"]!,
                acceptors);
        }

        return result;
    }

    private static List<string> StringOrList(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => array.Select(n => (string)n!).ToList(),
        _ => [(string)node!],
    };

    private static EcrServiceModel Load() => new(
        ReadResource("service-2.json.gz", gzip: true),
        ReadResource("paginators-1.json", gzip: false),
        ReadResource("waiters-2.json", gzip: false));

    private static JsonObject ReadResource(string name, bool gzip)
    {
        using var resource = typeof(EcrServiceModel).Assembly.GetManifestResourceStream("EcrPublish.Cli.Resources." + name)
            ?? throw new InvalidOperationException($"{CliErrorCodes.MissingResource}: the tool is missing its embedded resource {name}; reinstall dotnet-ecr.");
        using var stream = gzip ? new GZipStream(resource, CompressionMode.Decompress) : resource;
        return (JsonObject)JsonNode.Parse(stream)!;
    }
}
