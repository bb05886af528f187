using System.Text;
using EcrPublish.Cli.Arguments;
using EcrPublish.Cli.ServiceModel;

namespace EcrPublish.Cli.Help;

/// <summary>
/// <c>dotnet ecr help</c>, <c>dotnet ecr COMMAND help</c> (or <c>--help</c>): the model's documentation,
/// the options with their types and shorthand syntax, and the cheat sheet's examples for the command.
/// </summary>
internal static class HelpWriter
{
    private const int Width = 79;

    public static string TopLevel(EcrServiceModel model)
    {
        var text = new StringBuilder();
        text.Append("NAME\n    dotnet ecr - Amazon ECR from the .NET CLI, with the AWS CLI's syntax\n\n");
        text.Append("SYNOPSIS\n    dotnet ecr [global options] <command> [parameters]\n    dotnet ecr wait <waiter> [parameters]\n    dotnet ecr <command> help\n\n");
        text.Append("DESCRIPTION\n");
        text.Append(HtmlText.Wrap(
            "Every command of 'aws ecr' works as 'dotnet ecr' with the same options, value syntax (shorthand, JSON, file://), " +
            "output (--output json|text|table|yaml|yaml-stream, --query) and exit codes; commands and options come from the ECR service model.", Width, "    "));
        text.Append("\n\nAVAILABLE COMMANDS\n");
        foreach (var name in model.Operations.Keys.Append("get-login-password").Order(StringComparer.Ordinal))
        {
            text.Append("    o ").Append(name).Append('\n');
        }

        text.Append("    o wait (").Append(string.Join(", ", model.Waiters.Keys)).Append(")\n");
        text.Append("\nBEYOND THE AWS CLI\n    o iam-policy       the IAM policy a project's publish needs\n    o images cleanup   delete untagged images, 100 per call\n    o images copy      copy an image by digest, referrers too\n    o images tag       add a tag without rebuilding\n    o scan report      findings table and a severity gate\n    o lifecycle preview  evaluate a lifecycle policy offline\n    o login            docker login with a fresh ECR token\n    o local            run LocalEcr, an ECR on loopback\n    o publish          dotnet publish -p:PublishToEcr=true, live\n    o verify           check an image's SBOM, provenance, signatures\n\n");
        text.Append(GlobalOptionsText());
        return text.ToString();
    }

    public static string Operation(OperationModel operation, OperationArgumentTable table, string command)
    {
        var text = new StringBuilder();
        text.Append("NAME\n    ").Append(command).Append("\n\nDESCRIPTION\n");
        text.Append(string.Join("\n\n", HtmlText.Paragraphs(operation.Documentation, Width, "    "))).Append("\n\n");
        if (operation.Paginator is not null)
        {
            text.Append(HtmlText.Wrap(
                $"{command} is a paginated operation. Multiple API calls may be issued in order to retrieve the entire data set of results. " +
                "You can disable pagination by providing the --no-paginate argument.", Width, "    ")).Append("\n\n");
        }

        var visible = table.All.Where(a => a.Kind != OperationArgumentKind.NegatedMember && !table.HiddenPagingOptions.Contains(a.CliName)).ToList();
        text.Append("SYNOPSIS\n    ").Append(command).Append('\n');
        foreach (var argument in visible)
        {
            var usage = "--" + argument.CliName + (argument.IsBoolean ? " | --no-" + argument.CliName : " <value>");
            text.Append("    ").Append(argument.Required ? usage : "[" + usage + "]").Append('\n');
        }

        text.Append("\nOPTIONS\n");
        foreach (var argument in visible)
        {
            text.Append("    --").Append(argument.CliName).Append(" (").Append(TypeName(argument)).Append(")\n");
            if (argument.MemberName is not null && operation.Input?.FindMember(argument.MemberName) is { } member)
            {
                text.Append(string.Join("\n\n", HtmlText.Paragraphs(member.Documentation, Width, "        "))).Append('\n');
            }
            else if (CliOptionText(argument.Kind) is { Length: > 0 } description)
            {
                text.Append(HtmlText.Wrap(description, Width, "        ")).Append('\n');
            }

            if (argument.Shape is { } shape && ShorthandSyntax(shape) is { Length: > 0 } shorthand)
            {
                text.Append("\n        Shorthand Syntax:\n\n            --").Append(argument.CliName).Append(' ').Append(shorthand).Append('\n');
            }

            text.Append('\n');
        }

        text.Append(ExamplesText(command));
        return text.ToString();
    }

    public static string GetLoginPassword() =>
        "NAME\n    get-login-password\n\nDESCRIPTION\n" +
        HtmlText.Wrap("Displays a password to be used with container clients such as Docker. The user name is always AWS. " +
            "The password is valid for 12 hours; it is printed on standard output only, pipe it to 'docker login --password-stdin'.", Width, "    ") +
        "\n\nSYNOPSIS\n    get-login-password\n\n" + ExamplesText("get-login-password");

    public static string Waiter(WaiterModel waiter, OperationModel operation, OperationArgumentTable table)
    {
        var command = "wait " + waiter.CliName;
        var description = $"{waiter.Description}. It will poll every {waiter.DelaySeconds} seconds until a successful state has been reached. " +
            $"This will exit with a return code of 255 after {waiter.MaxAttempts} failed checks.";
        var text = Operation(operation with { Documentation = "<p>" + description + "</p>", Paginator = null }, table, command);
        return text;
    }

    private static string ExamplesText(string command)
    {
        var examples = CheatSheetExamples.For(command);
        if (examples.Count == 0)
        {
            return "";
        }

        var text = new StringBuilder("EXAMPLES\n");
        foreach (var example in examples)
        {
            text.Append(string.Join('\n', example.Split('\n').Select(l => "    " + l))).Append("\n\n");
        }

        return text.ToString();
    }

    private static string GlobalOptionsText() =>
        "GLOBAL OPTIONS\n" +
        "    --region <value>        the AWS region (else AWS_REGION, AWS_DEFAULT_REGION, the profile)\n" +
        "    --profile <value>       a profile of ~/.aws/config and ~/.aws/credentials\n" +
        "    --endpoint-url <value>  send requests here (LocalEcr, moto) instead of the ECR endpoint\n" +
        "    --query <value>         a JMESPath expression applied to the response\n" +
        "    --output <value>        json (default), text, table, yaml or yaml-stream\n" +
        "    --no-paginate           make one request instead of following nextToken\n";

    // The AWS CLI's own options, in the words of its help (awscli/customizations).
    private static string CliOptionText(OperationArgumentKind kind) => kind switch
    {
        OperationArgumentKind.StartingToken => "A token to specify where to start paginating. This is the NextToken from a previously truncated response.",
        OperationArgumentKind.PageSize => "The size of each page to get in the AWS service call. This does not affect the number of items returned in the command's output.",
        OperationArgumentKind.MaxItems => "The total number of items to return in the command's output. If more items are available, a NextToken is provided in the output to resume from.",
        OperationArgumentKind.CliInputJson => "Reads arguments from the JSON string provided (or file://path). The JSON string follows the format provided by --generate-cli-skeleton. " +
            "Options given on the command line override the JSON-provided values. This may not be specified along with --cli-input-yaml.",
        OperationArgumentKind.CliInputYaml => "Reads arguments from the YAML string provided (or file://path), with the keys of --generate-cli-skeleton. " +
            "Options given on the command line override the YAML-provided values. This may not be specified along with --cli-input-json.",
        OperationArgumentKind.GenerateCliSkeleton => "Prints a JSON skeleton to standard output without sending an API request. With no value or 'input', " +
            "prints a sample input JSON for --cli-input-json. With 'yaml-input', a commented sample input YAML for --cli-input-yaml. " +
            "With 'output', it validates the command inputs and prints a sample output for the command.",
        _ => "",
    };

    private static string TypeName(OperationArgument argument) => argument.Kind switch
    {
        OperationArgumentKind.StartingToken or OperationArgumentKind.CliInputJson or OperationArgumentKind.CliInputYaml or OperationArgumentKind.GenerateCliSkeleton => "string",
        OperationArgumentKind.PageSize or OperationArgumentKind.MaxItems => "integer",
        _ => argument.Shape!.Type,
    };

    // awscli's ParamShorthandDocGen, for the shapes ECR has.
    private static string ShorthandSyntax(ShapeModel shape) => shape.Type switch
    {
        "structure" => StructureSyntax(shape, nested: false),
        "list" when shape.ListMember.Type == "structure" => StructureSyntax(shape.ListMember, nested: false) + " ...",
        "map" => $"KeyName1={shape.MapValue.Type},KeyName2={shape.MapValue.Type}",
        _ => "",
    };

    private static string StructureSyntax(ShapeModel shape, bool nested)
    {
        var parts = shape.Members.Select(m => m.Name + "=" + m.Shape.Type switch
        {
            "structure" => nested ? "{...}" : StructureSyntax(m.Shape, nested: true),
            "list" => m.Shape.ListMember.IsScalar ? $"{m.Shape.ListMember.Type},{m.Shape.ListMember.Type}" : "[...]",
            var type => type,
        });
        var inner = string.Join(',', parts);
        return nested ? "{" + inner + "}" : inner;
    }
}
