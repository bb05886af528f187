using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace EcrPublish.LocalEcr.ControlPlane;

/// <summary>Writes an <see cref="EcrApiException"/> the way ECR's JSON 1.1 API answers errors.</summary>
internal static class EcrErrorResponse
{
    public const string ContentType = "application/x-amz-json-1.1";

    public static async Task WriteAsync(HttpContext context, EcrApiException error)
    {
        context.Response.StatusCode = error.StatusCode;
        context.Response.ContentType = ContentType;
        context.Response.Headers["X-Amzn-Errortype"] = error.Code;
        var body = new JsonObject { ["__type"] = error.Code };
        foreach (var (name, value) in error.Members ?? [])
        {
            body[name] = value?.DeepClone();
        }

        body["message"] = error.Message;
        await context.Response.Body.WriteAsync(JsonOutput.ToUtf8Bytes(body), context.RequestAborted);
    }
}
