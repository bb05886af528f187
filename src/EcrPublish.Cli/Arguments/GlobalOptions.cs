namespace EcrPublish.Cli.Arguments;

/// <summary>The AWS CLI's global options that <c>dotnet ecr</c> honours, accepted anywhere on the command line.</summary>
internal sealed record GlobalOptions
{
    public string? Region { get; init; }

    public string? Profile { get; init; }

    public string? EndpointUrl { get; init; }

    /// <summary>A JMESPath expression applied to the response before it is printed.</summary>
    public string? Query { get; init; }

    /// <summary>json, text, table, yaml or yaml-stream.</summary>
    public string Output { get; init; } = "json";

    /// <summary>True when <c>--output</c> or <c>AWS_DEFAULT_OUTPUT</c> chose <see cref="Output"/>: verbs with a readable default (<c>verify</c>) keep it otherwise.</summary>
    public bool OutputChosen { get; init; }

    /// <summary>False after <c>--no-paginate</c>: one request, printed as it came.</summary>
    public bool Paginate { get; init; } = true;

    public bool Debug { get; init; }
}
