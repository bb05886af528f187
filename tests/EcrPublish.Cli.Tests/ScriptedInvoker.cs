using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcrPublish.Cli.Execution;

namespace EcrPublish.Cli.Tests;

/// <summary>
/// An in-memory ECR for paging and waiter logic: answers each call with the next scripted response (or error)
/// and records the request bodies it received.
/// </summary>
internal sealed class ScriptedInvoker(params Func<JsonObject, string>[] replies) : IEcrOperationInvoker
{
    private int _next;

    public List<JsonObject> Requests { get; } = [];

    public Task<JsonDocument> InvokeAsync(string operation, ReadOnlyMemory<byte> jsonBody, CancellationToken cancellationToken)
    {
        var request = (JsonObject)JsonNode.Parse(Encoding.UTF8.GetString(jsonBody.Span))!;
        Requests.Add(request);
        var reply = replies[Math.Min(_next++, replies.Length - 1)](request);
        if (reply.StartsWith("error:", StringComparison.Ordinal))
        {
            throw new EcrOperationException(reply["error:".Length..], "scripted failure", operation);
        }

        return Task.FromResult(JsonDocument.Parse(reply));
    }

    public void Dispose()
    {
    }
}
