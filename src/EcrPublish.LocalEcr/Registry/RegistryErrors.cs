using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace EcrPublish.LocalEcr.Registry;

/// <summary>Writes OCI distribution errors: <c>{"errors":[{"code","message","detail"}]}</c> with an HTTP status.</summary>
internal static class RegistryErrors
{
    public static async Task WriteAsync(HttpContext context, int status, string code, string message, string? detail = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (detail is not null)
        {
            error["detail"] = detail;
        }

        var body = JsonOutput.ToUtf8Bytes(new JsonObject { ["errors"] = new JsonArray(error) });
        context.Response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    public static Task NameUnknownAsync(HttpContext context, string name, string registryId) =>
        WriteAsync(context, 404, "NAME_UNKNOWN", $"The repository with name '{name}' does not exist in the registry with id '{registryId}'");

    public static Task NameInvalidAsync(HttpContext context) =>
        WriteAsync(context, 400, "NAME_INVALID", "Invalid repository name");

    public static Task DigestInvalidAsync(HttpContext context, string? digest) =>
        WriteAsync(context, 400, "DIGEST_INVALID", $"Invalid digest '{digest}': LocalEcr accepts sha256:<64 lower-case hex digits>");
}
