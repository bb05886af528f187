using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;

namespace EcrPublish.Cli.Arguments;

/// <summary>
/// <c>--cli-input-json</c> and <c>--cli-input-yaml</c>: the whole request as one document (inline or <c>file://</c>),
/// such as a filled-in <c>--generate-cli-skeleton</c>. Errors are the AWS CLI v2's.
/// </summary>
internal static class CliInputLoader
{
    public static JsonObject Load(OperationArgumentKind kind, string word)
    {
        var name = kind == OperationArgumentKind.CliInputYaml ? "cli-input-yaml" : "cli-input-json";
        var text = ParameterFileLoader.TryLoad(word, "--" + name)?.Text ?? word;
        var document = kind == OperationArgumentKind.CliInputYaml ? ReadYaml(text) : ReadJson(text);
        return document as JsonObject
            ?? throw new ParameterException("--" + name, "Invalid type: expecting map, received " + RequestValidator.PythonTypeName(document));
    }

    private static JsonNode? ReadJson(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            throw ParameterException.WithoutDashes("cli-input-json", "Invalid JSON received.");
        }
    }

    private static JsonNode? ReadYaml(string text)
    {
        try
        {
            return YamlInputReader.Read(text);
        }
        catch (YamlException)
        {
            throw ParameterException.WithoutDashes("cli-input-yaml", "Invalid YAML received.");
        }
    }
}
