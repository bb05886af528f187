namespace EcrPublish.Cli.ServiceModel;

/// <summary>One entry of paginators-1.json: how an operation's pages chain and which keys aggregate.</summary>
internal sealed record PaginatorModel(
    string InputToken,
    string OutputToken,
    string? LimitKey,
    IReadOnlyList<string> ResultKeys,
    IReadOnlyList<string> NonAggregateKeys);
