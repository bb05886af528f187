using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcrPublish.Cli.Arguments;
using EcrPublish.Cli.Output;
using EcrPublish.Cli.ServiceModel;

namespace EcrPublish.Cli.Execution;

/// <summary>
/// botocore's <c>PageIterator</c> for the AWS CLI's automatic pagination: follows <c>nextToken</c>, honours
/// <c>--starting-token</c>, <c>--page-size</c> and <c>--max-items</c> (with botocore's resume token format),
/// and merges pages with <c>build_full_result</c>.
/// </summary>
internal sealed class OperationPager(OperationCaller caller, OperationModel operation, PaginatorModel paginator)
{
    private const string TruncateKey = "boto_truncate_amount";

    /// <summary>The paginator's result keys (<c>imageDetails</c>, <c>imageScanFindings.findings</c>, ...).</summary>
    public IReadOnlyList<string> ResultKeys => paginator.ResultKeys;

    public async Task<PagedResponse> FetchAsync(OperationRequest request, CancellationToken cancellationToken)
    {
        var parameters = (JsonObject)request.Parameters.DeepClone();
        var (startToken, startingTruncation) = DecodeStartingToken(request.StartingToken);
        if (startToken is not null)
        {
            parameters[paginator.InputToken] = startToken;
        }

        if (request.PageSize is { } pageSize && paginator.LimitKey is not null)
        {
            parameters[paginator.LimitKey] = pageSize;
        }

        var pages = new List<JsonObject>();
        var nonAggregate = new JsonObject();
        string? resumeToken = null, previousToken = null;
        long totalItems = 0;
        var primaryKey = paginator.ResultKeys[0];
        while (true)
        {
            var page = await caller.CallAsync(operation, parameters, cancellationToken).ConfigureAwait(false);
            if (pages.Count == 0)
            {
                if (startToken is not null || startingTruncation > 0)
                {
                    TruncateFromStart(page, primaryKey, startingTruncation);
                }

                foreach (var key in paginator.NonAggregateKeys)
                {
                    ResponseShaper.SetPath(nonAggregate, key, ResponseShaper.Search(page, key)?.DeepClone());
                }
            }

            var count = ResponseShaper.Search(page, primaryKey) is JsonArray items ? items.Count : 0;
            var nextToken = (string?)ResponseShaper.Search(page, paginator.OutputToken);
            if (request.MaxItems is { } maxItems && totalItems + count - maxItems is > 0 and var truncateAmount)
            {
                var keep = (int)(count - truncateAmount);
                var kept = new JsonArray(((JsonArray)ResponseShaper.Search(page, primaryKey)!).Take(keep).Select(n => n?.DeepClone()).ToArray());
                ResponseShaper.SetPath(page, primaryKey, kept);
                // The resume token points at this page again and skips what was already returned.
                resumeToken = EncodeToken(pages.Count == 0 ? startToken : previousToken, keep + startingTruncation);
                pages.Add(page);
                break;
            }

            pages.Add(page);
            totalItems += count;
            if (nextToken is null)
            {
                break;
            }

            if (request.MaxItems is { } max && totalItems == max)
            {
                resumeToken = EncodeToken(nextToken, null);
                break;
            }

            if (nextToken == previousToken)
            {
                throw new InvalidOperationException($"The same next token was received twice: {nextToken}");
            }

            parameters[paginator.InputToken] = nextToken;
            previousToken = nextToken;
        }

        return new PagedResponse(pages, nonAggregate, resumeToken);
    }

    /// <summary>botocore's <c>build_full_result</c>: result keys concatenated over pages, then the non-aggregate part.</summary>
    public JsonObject BuildFullResult(PagedResponse response)
    {
        var complete = new JsonObject();
        foreach (var page in response.Pages)
        {
            foreach (var key in paginator.ResultKeys)
            {
                var value = ResponseShaper.Search(page, key);
                if (value is null)
                {
                    continue;
                }

                var existing = ResponseShaper.Search(complete, key);
                if (existing is null)
                {
                    ResponseShaper.SetPath(complete, key, value.DeepClone());
                }
                else if (existing is JsonArray list && value is JsonArray more)
                {
                    foreach (var item in more)
                    {
                        list.Add(item?.DeepClone());
                    }
                }
            }
        }

        Merge(complete, response.NonAggregatePart);
        if (response.ResumeToken is not null)
        {
            complete["NextToken"] = response.ResumeToken;
        }

        return complete;
    }

    // botocore's merge_dicts: nested objects merge, anything else is taken from the non-aggregate part unless
    // it is a result key that pages already filled.
    private void Merge(JsonObject target, JsonObject source, string prefix = "")
    {
        foreach (var (key, value) in source)
        {
            var path = prefix + key;
            if (value is JsonObject nested && target[key] is JsonObject existing)
            {
                Merge(existing, nested, path + ".");
            }
            else if (!paginator.ResultKeys.Contains(path, StringComparer.Ordinal))
            {
                target[key] = value?.DeepClone();
            }
        }
    }

    private static void TruncateFromStart(JsonObject page, string primaryKey, int startingTruncation)
    {
        if (ResponseShaper.Search(page, primaryKey) is JsonArray all)
        {
            ResponseShaper.SetPath(page, primaryKey, new JsonArray(all.Skip(startingTruncation).Select(n => n?.DeepClone()).ToArray()));
        }
    }

    private string EncodeToken(string? token, int? truncateAmount)
    {
        // json.dumps of {"nextToken": ..., "boto_truncate_amount": n}, base64-encoded.
        var json = new StringBuilder("{");
        json.Append(JsonSerializer.Serialize(paginator.InputToken)).Append(": ").Append(token is null ? "null" : JsonSerializer.Serialize(token));
        if (truncateAmount is { } amount)
        {
            json.Append(", ").Append(JsonSerializer.Serialize(TruncateKey)).Append(": ").Append(amount);
        }

        json.Append('}');
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json.ToString()));
    }

    private (string? Token, int Truncation) DecodeStartingToken(string? startingToken)
    {
        if (startingToken is null)
        {
            return (null, 0);
        }

        try
        {
            var decoded = JsonNode.Parse(Convert.FromBase64String(startingToken)) as JsonObject
                ?? throw new FormatException();
            var truncation = decoded[TruncateKey] is { } amount ? (int)amount : 0;
            return ((string?)decoded[paginator.InputToken], truncation);
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            // botocore's fallback for old-style tokens: the raw service token.
            return (startingToken, 0);
        }
    }
}
