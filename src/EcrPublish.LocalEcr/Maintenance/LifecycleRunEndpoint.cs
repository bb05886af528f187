using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Registry;
using Microsoft.AspNetCore.Http;

namespace EcrPublish.LocalEcr.Maintenance;

/// <summary>
/// <c>POST /_localecr/lifecycle/run</c>: runs every lifecycle policy now and answers what was deleted. An admin hook
/// for tests and demos (ECR itself runs policies on its own schedule). The server lets only requests with a registry
/// password (Basic <c>AWS:&lt;get-login-password&gt;</c>) reach it, like the registry API.
/// </summary>
internal sealed class LifecycleRunEndpoint(LifecycleRunner runner)
{
    public const string Path = "/_localecr/lifecycle/run";

    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            await RunAsync(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; the run stopped between repositories.
        }
        catch (Exception error)
        {
            ServerFaultLog.Write(context, error);
            if (!context.Response.HasStarted)
            {
                await RegistryErrors.WriteAsync(context, 500, "UNKNOWN", ServerFaultLog.ClientMessage);
            }
        }
    }

    private async Task RunAsync(HttpContext context)
    {
        var results = await runner.RunAsync(context.RequestAborted);
        var repositories = new JsonArray(results.Select(result => (JsonNode)new JsonObject
        {
            ["repositoryName"] = result.RepositoryName,
            ["expiredImageDigests"] = new JsonArray(result.ExpiredImageDigests.Select(digest => (JsonNode)JsonValue.Create(digest)).ToArray()),
            ["transitionsSkipped"] = result.TransitionsSkipped,
        }).ToArray());
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(JsonOutput.ToUtf8Bytes(new JsonObject { ["repositories"] = repositories }), context.RequestAborted);
    }
}
