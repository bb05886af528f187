using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EcrPublish.LocalEcr.Tests.BadInput;

/// <summary>
/// Generates bad request bodies for every operation in ECR's service model (botocore's service-2.json, the one
/// <c>dotnet ecr</c> embeds): for each member, down to three levels, values of the wrong type, fractional, huge and
/// negative numbers, too short, too long, outside the enum, and — where the member's pattern forbids them — a trailing
/// "\n" or a non-ASCII character. Everything else in the body is a plausible value, so the bad one is what is judged.
/// </summary>
internal sealed class ServiceModelCorpus
{
    private const int MaxDepth = 3;
    private readonly JsonObject shapes;
    private readonly JsonObject operations;
    private readonly CorpusServer? server;

    /// <param name="server">The seeded server whose digests the bodies name; null to only count the cases.</param>
    public ServiceModelCorpus(CorpusServer? server)
    {
        this.server = server;
        var path = Path.Combine(AppContext.BaseDirectory, "BadInput", "service-2.json.gz");
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        var model = JsonNode.Parse(gzip)!.AsObject();
        shapes = model["shapes"]!.AsObject();
        operations = model["operations"]!.AsObject();
    }

    private string ImageDigest => server?.ImageDigest ?? "sha256:" + new string('0', 64);

    public static IReadOnlyList<string> OperationNames()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "BadInput", "service-2.json.gz");
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        return JsonNode.Parse(gzip)!["operations"]!.AsObject().Select(operation => operation.Key).Order(StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<BadValue> For(string operation)
    {
        var inputShape = operations[operation]!["input"]?["shape"]?.GetValue<string>();
        if (inputShape is null)
        {
            return [];
        }

        var cases = new List<BadValue>();
        foreach (var (description, mutate) in Mutations(inputShape, 0, operation))
        {
            var body = Baseline(inputShape, operation, null).AsObject();
            mutate(body);
            cases.Add(new BadValue(operation, description, body));
        }

        return cases;
    }

    /// <summary>Ways to break a structure: each yields what it does and how it changes the (baseline) structure.</summary>
    private IEnumerable<(string Description, Action<JsonObject> Mutate)> Mutations(string structureShape, int depth, string operation)
    {
        var shape = shapes[structureShape]!.AsObject();
        foreach (var (member, reference) in shape["members"]?.AsObject() ?? [])
        {
            var memberShape = reference!["shape"]!.GetValue<string>();
            var baseline = Baseline(memberShape, operation, member);
            foreach (var (description, value) in BadValues(memberShape, baseline))
            {
                yield return ($"{member}: {description}", body => body[member] = value.DeepClone());
            }

            if (depth + 1 >= MaxDepth)
            {
                continue;
            }

            var type = shapes[memberShape]!["type"]!.GetValue<string>();
            if (type == "structure")
            {
                foreach (var (description, mutate) in Mutations(memberShape, depth + 1, operation))
                {
                    yield return ($"{member}.{description}", body =>
                    {
                        var inner = Baseline(memberShape, operation, member).AsObject();
                        mutate(inner);
                        body[member] = inner;
                    });
                }
            }
            else if (type == "list" && shapes[shapes[memberShape]!["member"]!["shape"]!.GetValue<string>()]!["type"]!.GetValue<string>() == "structure")
            {
                var elementShape = shapes[memberShape]!["member"]!["shape"]!.GetValue<string>();
                foreach (var (description, mutate) in Mutations(elementShape, depth + 1, operation))
                {
                    yield return ($"{member}[0].{description}", body =>
                    {
                        var element = Baseline(elementShape, operation, null).AsObject();
                        mutate(element);
                        body[member] = new JsonArray(element);
                    });
                }
            }
        }
    }

    private IEnumerable<(string Description, JsonNode Value)> BadValues(string shapeName, JsonNode baseline)
    {
        var shape = shapes[shapeName]!.AsObject();
        var min = shape["min"]?.GetValue<double>();
        var max = shape["max"]?.GetValue<double>();
        switch (shape["type"]!.GetValue<string>())
        {
            case "structure":
                yield return ("a string for a structure", "x");
                yield return ("an array for a structure", new JsonArray());
                break;
            case "map":
                yield return ("a string for a map", "x");
                yield return ("an array for a map", new JsonArray());
                break;
            case "list":
                yield return ("a string for a list", "x");
                yield return ("an object for a list", new JsonObject());
                if (min >= 1)
                {
                    yield return ("an empty list", new JsonArray());
                }

                if (max is { } most && most <= 1000)
                {
                    var element = Baseline(shape["member"]!["shape"]!.GetValue<string>(), string.Empty, null);
                    yield return ($"{most + 1} elements (max {most})", new JsonArray(Enumerable.Range(0, (int)most + 1).Select(_ => element.DeepClone()).ToArray()));
                }

                break;
            case "string":
                yield return ("a number for a string", 42);
                yield return ("a boolean for a string", true);
                yield return ("an object for a string", new JsonObject());
                if (min >= 1)
                {
                    yield return ("an empty string", string.Empty);
                }

                if (max is { } longest && longest < 1_000_000)
                {
                    yield return ($"{longest + 1} characters (max {longest})", new string('a', (int)longest + 1));
                }

                var text = baseline.GetValue<string>();
                if (shape["enum"] is JsonArray)
                {
                    yield return ("a value outside the enum", "NOT_AN_ENUM_VALUE");
                    yield return ("an enum value with a trailing newline", text + "\n");
                }

                if (shape["pattern"]?.GetValue<string>() is { } pattern)
                {
                    var whole = new Regex(@"\A(?:" + pattern + @")\z", RegexOptions.CultureInvariant);
                    foreach (var (what, bad) in new[] { ("a trailing newline", text + "\n"), ("a non-ASCII character", text + "é"), ("a control character", text + "\u0001") })
                    {
                        if (!whole.IsMatch(bad))
                        {
                            yield return (what, bad);
                        }
                    }
                }

                break;
            case "integer" or "long":
                yield return ("a string for a number", "1");
                yield return ("a fractional number", 1.5);
                yield return ("1e99", JsonNode.Parse("1e99")!);
                yield return ("a number beyond 64 bits", JsonNode.Parse("99999999999999999999")!);
                if (min is { } least)
                {
                    yield return ($"{least - 1} (min {least})", least - 1);
                }

                if (max is { } greatest)
                {
                    yield return ($"{greatest + 1} (max {greatest})", greatest + 1);
                }

                break;
            case "boolean":
                yield return ("a string for a boolean", "true");
                yield return ("a number for a boolean", 1);
                break;
            case "timestamp":
                yield return ("a string for a timestamp", "yesterday");
                yield return ("an object for a timestamp", new JsonObject());
                break;
            case "double" or "float":
                yield return ("a string for a number", "1.0");
                break;
            case "blob":
                yield return ("a number for bytes", 42);
                yield return ("bytes that are not base64", "!!!");
                break;
        }
    }

    /// <summary>A plausible value of the shape: the seeded repository, image and digests where a member names them.</summary>
    private JsonNode Baseline(string shapeName, string operation, string? member)
    {
        var shape = shapes[shapeName]!.AsObject();
        switch (shape["type"]!.GetValue<string>())
        {
            case "structure":
                var structure = new JsonObject();
                foreach (var required in shape["required"]?.AsArray() ?? [])
                {
                    var name = required!.GetValue<string>();
                    structure[name] = Baseline(shape["members"]![name]!["shape"]!.GetValue<string>(), operation, name);
                }

                return structure;
            case "list":
                return shape["min"]?.GetValue<double>() >= 1
                    ? new JsonArray(Baseline(shape["member"]!["shape"]!.GetValue<string>(), operation, null))
                    : new JsonArray();
            case "map":
                return new JsonObject();
            case "integer" or "long":
                return Math.Max(shape["min"]?.GetValue<double>() ?? 1, 1);
            case "boolean":
                return false;
            case "timestamp":
                return 0;
            case "double" or "float":
                return 1.0;
            case "blob":
                return "AAAA";
            default:
                return StringBaseline(shape, operation, member);
        }
    }

    private JsonNode StringBaseline(JsonObject shape, string operation, string? member)
    {
        if (shape["enum"] is JsonArray values)
        {
            return values[0]!.GetValue<string>();
        }

        var known = member switch
        {
            "repositoryName" => operation == "CreateRepository" ? "corpus/new" : CorpusServer.Repository,
            "registryId" => "123456789012",
            "imageTag" => "v1",
            "imageDigest" => ImageDigest,
            "layerDigest" => server?.LayerDigest ?? ImageDigest,
            "imageManifest" => server?.Manifest ?? "{}",
            "resourceArn" => "arn:aws:ecr:us-east-1:123456789012:repository/" + CorpusServer.Repository,
            "ecrRepositoryPrefix" => "corpus-cache",
            "upstreamRegistryUrl" => "public.ecr.aws",
            "lifecyclePolicyText" => """{"rules":[{"rulePriority":1,"selection":{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":5},"action":{"type":"expire"}}]}""",
            _ => null,
        };
        if (known is not null)
        {
            return known;
        }

        var length = (int)Math.Max(shape["min"]?.GetValue<double>() ?? 1, 1);
        if (shape["pattern"]?.GetValue<string>() is { } pattern)
        {
            var whole = new Regex(@"\A(?:" + pattern + @")\z", RegexOptions.CultureInvariant);
            var candidates = new[] { new string('a', length), "corpus", "123456789012", ImageDigest, Guid.Empty.ToString("D"), "ROOT" };
            return candidates.FirstOrDefault(whole.IsMatch) ?? new string('a', length);
        }

        return new string('a', length);
    }
}
