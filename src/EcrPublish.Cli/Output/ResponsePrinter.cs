using System.Text;
using System.Text.Json.Nodes;
using EcrPublish.Cli.Execution;

namespace EcrPublish.Cli.Output;

/// <summary>
/// Applies <c>--query</c> and renders <c>--output json|text|table|yaml|yaml-stream</c> exactly as the AWS CLI's formatters do,
/// including their paginated forms (text and yaml-stream are printed page by page, json, yaml and table from the
/// merged result).
/// </summary>
internal sealed class ResponsePrinter(string outputFormat, JmesPathQuery? query, int terminalWidth)
{
    public string Print(string operationName, JsonObject response) => outputFormat switch
    {
        "text" => TextOutputFormatter.Format(Query(response)),
        "yaml-stream" => Query(response) is JsonObject { Count: 0 } ? "" : YamlOutputFormatter.FormatStream([Query(response)]),
        _ => PrintBuffered(operationName, response),
    };

    public string PrintPaged(string operationName, PagedResponse paged, OperationPager pager)
    {
        if (outputFormat == "yaml-stream")
        {
            return YamlOutputFormatter.FormatStream(paged.Pages.Select(page => Query(page)));
        }

        if (outputFormat != "text")
        {
            return PrintBuffered(operationName, pager.BuildFullResult(paged));
        }

        var output = new StringBuilder();
        for (var i = 0; i < paged.Pages.Count; i++)
        {
            var current = i == 0 ? (JsonObject)paged.NonAggregatePart.DeepClone() : new JsonObject();
            foreach (var key in pager.ResultKeys)
            {
                ResponseShaper.SetPath(current, key, ResponseShaper.Search(paged.Pages[i], key)?.DeepClone());
            }

            output.Append(TextOutputFormatter.Format(Query(current)));
        }

        if (paged.ResumeToken is not null)
        {
            var token = new JsonObject { ["NextToken"] = new JsonObject { ["NextToken"] = paged.ResumeToken } };
            output.Append(TextOutputFormatter.Format(Query(token)));
        }

        return output.ToString();
    }

    private string PrintBuffered(string operationName, JsonObject response)
    {
        var data = Query(response);
        if (outputFormat == "table")
        {
            return TableOutputFormatter.Format(operationName, data, terminalWidth);
        }

        if (outputFormat == "yaml")
        {
            return YamlOutputFormatter.Format(data);
        }

        // An empty object (operations without output) prints nothing; every other value, null included, prints.
        return data is JsonObject { Count: 0 } ? "" : PythonJsonWriter.Write(data) + "\n";
    }

    private JsonNode? Query(JsonNode data) => query is null ? data : query.Search(data);
}
