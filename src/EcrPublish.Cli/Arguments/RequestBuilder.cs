using System.Text.Json.Nodes;
using EcrPublish.Cli.ServiceModel;

namespace EcrPublish.Cli.Arguments;

/// <summary>
/// Builds an operation's request from its command line options: <c>--cli-input-json</c> first, each option on
/// top of it, then the checks botocore makes before sending (required, unknown and mistyped parameters).
/// </summary>
internal static class RequestBuilder
{
    public static OperationRequest Build(OperationModel operation, OperationArgumentTable table, IReadOnlyList<string> optionWords)
    {
        var values = OperationOptionParser.Parse(optionWords, table);
        var parameters = new JsonObject();
        string? startingToken = null;
        long? pageSize = null, maxItems = null;

        if (values.FirstOrDefault(v => v.Key.Kind == OperationArgumentKind.CliInputJson) is { Key: not null } input)
        {
            parameters = ReadCliInputJson(input.Value);
        }

        foreach (var (argument, words) in values)
        {
            switch (argument.Kind)
            {
                case OperationArgumentKind.Member when argument.IsBoolean:
                    parameters[argument.MemberName!] = true;
                    break;
                case OperationArgumentKind.NegatedMember:
                    parameters[argument.MemberName!] = false;
                    break;
                case OperationArgumentKind.Member:
                    parameters[argument.MemberName!] = ArgumentValueUnpacker.Unpack("--" + argument.CliName, argument.Shape!, words);
                    break;
                case OperationArgumentKind.StartingToken:
                    startingToken = words[0];
                    break;
                case OperationArgumentKind.PageSize:
                    pageSize = ParseCount("--page-size", words[0]);
                    break;
                case OperationArgumentKind.MaxItems:
                    maxItems = ParseCount("--max-items", words[0]);
                    break;
            }
        }

        if (!values.Keys.Any(a => a.Kind == OperationArgumentKind.CliInputJson))
        {
            var missing = table.All.Where(a => a.Required && !values.ContainsKey(a)).Select(a => "--" + a.CliName).ToList();
            if (missing.Count > 0)
            {
                throw new CliUsageException("the following arguments are required: " + string.Join(", ", missing), showUsage: true);
            }
        }

        if (operation.Input is { } shape)
        {
            RequestValidator.Validate(parameters, shape);
        }

        return new OperationRequest(parameters, startingToken, pageSize, maxItems);
    }

    private static JsonObject ReadCliInputJson(IReadOnlyList<string> words)
    {
        var text = ParameterFileLoader.TryLoad(words[0], "--cli-input-json")?.Text ?? words[0];
        try
        {
            return JsonNode.Parse(text) as JsonObject
                ?? throw new ParameterException("--cli-input-json", "Invalid JSON received.");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new ParameterException("--cli-input-json", "Invalid JSON received: " + e.Message);
        }
    }

    private static long ParseCount(string cliName, string word)
    {
        try
        {
            return ScalarValueParser.ParseInteger(word);
        }
        catch (FormatException)
        {
            throw new CliUsageException($"argument {cliName}: invalid int value: '{word}'", showUsage: true);
        }
    }
}
