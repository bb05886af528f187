using System.Text.Json.Nodes;
using EcrPublish.Cli.ServiceModel;

namespace EcrPublish.Cli.Arguments;

/// <summary>
/// Builds an operation's request from its command line options: <c>--cli-input-json</c> or <c>--cli-input-yaml</c>
/// first, each option on top of it, then the checks botocore makes before sending (required, unknown and mistyped
/// parameters). <c>--generate-cli-skeleton</c> (input) lifts the required options and the checks, as the AWS CLI does.
/// </summary>
internal static class RequestBuilder
{
    public static OperationRequest Build(OperationModel operation, OperationArgumentTable table, IReadOnlyList<string> optionWords)
    {
        var values = OperationOptionParser.Parse(optionWords, table);
        var parameters = new JsonObject();
        string? startingToken = null;
        long? pageSize = null, maxItems = null;

        var skeleton = values.FirstOrDefault(v => v.Key.Kind == OperationArgumentKind.GenerateCliSkeleton).Value?[0];
        if (skeleton is not (null or "input" or "output" or "yaml-input"))
        {
            throw new CliUsageException("argument --generate-cli-skeleton: Invalid choice, valid choices are: input, output, yaml-input", showUsage: true);
        }

        var inputs = values.Where(v => v.Key.Kind is OperationArgumentKind.CliInputJson or OperationArgumentKind.CliInputYaml).ToList();
        if (inputs.Count > 1)
        {
            throw new CliUsageException("Only one --cli-input- parameter may be specified.", showUsage: false);
        }

        if (inputs.Count == 1)
        {
            parameters = CliInputLoader.Load(inputs[0].Key.Kind, inputs[0].Value[0]);
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

        // Parameters from a --cli-input document, or none at all for an input skeleton, make no option required.
        var inputSkeleton = skeleton is "input" or "yaml-input";
        if (inputs.Count == 0 && !inputSkeleton)
        {
            var missing = table.All.Where(a => a.Required && !values.ContainsKey(a)).Select(a => "--" + a.CliName).ToList();
            if (missing.Count > 0)
            {
                throw new CliUsageException("the following arguments are required: " + string.Join(", ", missing), showUsage: true);
            }
        }

        if (operation.Input is { } shape && !inputSkeleton)
        {
            RequestValidator.Validate(parameters, shape);
        }

        return new OperationRequest(parameters, startingToken, pageSize, maxItems) { Skeleton = skeleton };
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
