using System.Text.Json.Nodes;

namespace EcrPublish.Cli.Arguments;

/// <summary>The request body of one operation plus the AWS CLI's paging options that shape how it is sent.</summary>
internal sealed record OperationRequest(JsonObject Parameters, string? StartingToken, long? PageSize, long? MaxItems)
{
    /// <summary><c>input</c>, <c>yaml-input</c> or <c>output</c> after <c>--generate-cli-skeleton</c>: print that skeleton, call nothing.</summary>
    public string? Skeleton { get; init; }
}
