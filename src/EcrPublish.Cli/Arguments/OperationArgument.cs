using EcrPublish.Cli.ServiceModel;

namespace EcrPublish.Cli.Arguments;

/// <summary>
/// One <c>--option</c> of an operation command. Model members map to options by botocore's naming rule;
/// booleans also get a <c>--no-</c> form; paginated operations get <c>--starting-token</c>,
/// <c>--page-size</c> and <c>--max-items</c> instead of their token and limit members.
/// </summary>
internal sealed record OperationArgument(string CliName, string? MemberName, ShapeModel? Shape, bool Required, OperationArgumentKind Kind)
{
    public bool IsBoolean => Shape?.Type == "boolean" && Kind == OperationArgumentKind.Member;

    /// <summary>Lists take every following word up to the next option, as argparse's <c>nargs='*'</c>.</summary>
    public bool TakesManyValues => Shape?.Type == "list" && Kind == OperationArgumentKind.Member;
}
