using EcrPublish.Cli.ServiceModel;

namespace EcrPublish.Cli.Arguments;

/// <summary>The options of one operation command, keyed by CLI name without the leading dashes.</summary>
internal sealed class OperationArgumentTable
{
    private readonly Dictionary<string, OperationArgument> _arguments = new(StringComparer.Ordinal);

    public OperationArgumentTable(OperationModel operation, bool withPaging = true)
    {
        if (operation.Input is { } input)
        {
            foreach (var member in input.Members)
            {
                var cliName = CliNames.FromModelName(member.Name);
                var argument = new OperationArgument(cliName, member.Name, member.Shape, input.Required.Contains(member.Name), OperationArgumentKind.Member);
                Add(argument);
                if (argument.IsBoolean)
                {
                    Add(argument with { CliName = "no-" + cliName, Required = false, Kind = OperationArgumentKind.NegatedMember });
                }
            }
        }

        if (withPaging && operation.Paginator is { } paginator)
        {
            // The service's own token and limit options still work but are hidden from help (awscli/customizations/paginate.py).
            HiddenPagingOptions = [CliNames.FromModelName(paginator.InputToken), .. paginator.LimitKey is null ? Array.Empty<string>() : [CliNames.FromModelName(paginator.LimitKey)]];
            Add(new OperationArgument("starting-token", null, null, false, OperationArgumentKind.StartingToken));
            if (paginator.LimitKey is not null)
            {
                Add(new OperationArgument("page-size", null, null, false, OperationArgumentKind.PageSize));
            }

            Add(new OperationArgument("max-items", null, null, false, OperationArgumentKind.MaxItems));
        }

        Add(new OperationArgument("cli-input-json", null, null, false, OperationArgumentKind.CliInputJson));
        Add(new OperationArgument("cli-input-yaml", null, null, false, OperationArgumentKind.CliInputYaml));
        Add(new OperationArgument("generate-cli-skeleton", null, null, false, OperationArgumentKind.GenerateCliSkeleton));
    }

    public IReadOnlyList<string> HiddenPagingOptions { get; } = [];

    /// <summary>Options in the order help lists them (model order, then paging, then CLI input and skeleton).</summary>
    public IEnumerable<OperationArgument> All => _arguments.Values;

    public OperationArgument? Find(string cliName) => _arguments.GetValueOrDefault(cliName);

    private void Add(OperationArgument argument) => _arguments[argument.CliName] = argument;
}
