namespace EcrPublish.Cli.Arguments;

/// <summary>Where an option's value goes.</summary>
internal enum OperationArgumentKind
{
    /// <summary>A member of the operation's input shape.</summary>
    Member,

    /// <summary>The negative form of a boolean member (<c>--no-force</c>).</summary>
    NegatedMember,

    /// <summary><c>--starting-token</c>: where pagination resumes.</summary>
    StartingToken,

    /// <summary><c>--page-size</c>: the paginator's limit key per request.</summary>
    PageSize,

    /// <summary><c>--max-items</c>: total items to return across pages.</summary>
    MaxItems,

    /// <summary><c>--cli-input-json</c>: every parameter as one JSON document.</summary>
    CliInputJson,

    /// <summary><c>--cli-input-yaml</c>: every parameter as one YAML document.</summary>
    CliInputYaml,

    /// <summary><c>--generate-cli-skeleton [input|output]</c>: print a sample request or response instead of calling ECR.</summary>
    GenerateCliSkeleton,
}
