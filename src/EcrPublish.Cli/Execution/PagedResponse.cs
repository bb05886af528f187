using System.Text.Json.Nodes;

namespace EcrPublish.Cli.Execution;

/// <summary>
/// Every page of a paginated call (already truncated to <c>--max-items</c>), the first page's non-aggregate
/// part, and the token to resume from when items were left.
/// </summary>
internal sealed record PagedResponse(IReadOnlyList<JsonObject> Pages, JsonObject NonAggregatePart, string? ResumeToken);
