using System.Text.Json;
using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Auth;
using EcrPublish.LocalEcr.Regions;
using Microsoft.AspNetCore.Http;

namespace EcrPublish.LocalEcr.ControlPlane;

/// <summary>
/// <c>POST /</c>: the ECR JSON 1.1 API. Limits the body, verifies the SigV4 signature, parses the JSON, dispatches on
/// <c>X-Amz-Target</c> to the registry of the signed region and the <c>registryId</c> account (the default account
/// without one) and writes the result or the error the way ECR does.
/// </summary>
internal sealed class ControlPlaneEndpoint(LocalEcrOptions options, SigV4Verifier verifier, RegionalRegistries registries, OperationCounter counter)
{
    private const string TargetPrefix = "AmazonEC2ContainerRegistry_V20150921.";
    private const string ContentType = EcrErrorResponse.ContentType;
    private const long LayerPartRequestBytes = ((long)LayerOperations.MaximumPartSize * 4 / 3 * 5 / 4) + (64 * 1024);

    public async Task HandleAsync(HttpContext context)
    {
        var requestId = Guid.NewGuid().ToString("D");
        context.Response.Headers["x-amzn-RequestId"] = requestId;
        JsonObject response;
        try
        {
            response = await DispatchAsync(context);
        }
        catch (EcrApiException error)
        {
            await WriteErrorAsync(context, error);
            return;
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (BadHttpRequestException error)
        {
            // The client sent a body Kestrel could not read (too large, cut short): its fault, not ours.
            await WriteErrorAsync(context, new EcrApiException("SerializationException", error.Message, error.StatusCode));
            return;
        }
        catch (Exception error)
        {
            // Storage trouble (disk full, permissions) or a bug: ECR's answer to its own failures is a 500 ServerException.
            ServerFaultLog.Write(context, error);
            if (!context.Response.HasStarted)
            {
                await WriteErrorAsync(context, new EcrApiException("ServerException", ServerFaultLog.ClientMessage, 500));
            }

            return;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = ContentType;
        await context.Response.Body.WriteAsync(JsonOutput.ToUtf8Bytes(response), context.RequestAborted);
    }

    private async Task<JsonObject> DispatchAsync(HttpContext context)
    {
        var body = await ReadBodyAsync(context);
        var now = options.TimeProvider.GetUtcNow();
        var region = verifier.Verify(context.Request, body, now);
        var input = Parse(body);
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        if (!target.StartsWith(TargetPrefix, StringComparison.Ordinal))
        {
            throw UnknownOperation(target);
        }

        // Before the registry is looked up, so a refused request creates no account's or region's folders either.
        InputShapeValidator.Instance.Validate(target[TargetPrefix.Length..], input);
        var account = EcrCall.StringOf(input["registryId"], "registryId") ?? options.AccountId;
        var operations = registries.Get(new RegistryScope(account, region)).Operations;
        if (!operations.TryGetValue(target[TargetPrefix.Length..], out var operation))
        {
            throw UnknownOperation(target);
        }

        counter.Increment(target[TargetPrefix.Length..]);
        var call = new EcrCall(input, context.Request.Scheme, context.Request.Host.Value ?? "127.0.0.1", now, context.RequestAborted);
        return await operation(call);
    }

    private static EcrApiException UnknownOperation(string target) =>
        new("UnknownOperationException", target.Length == 0 ? "Missing X-Amz-Target header" : $"Operation '{target}' is not supported by LocalEcr");

    private async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        // UploadLayerPart carries up to 20 MiB of layer, base64-encoded: its bodies may be that large whatever the limit,
        // with room for JSON writers that escape base64's '+' and '/' (System.Text.Json writes \u002B).
        var limit = context.Request.Headers["X-Amz-Target"] == TargetPrefix + "UploadLayerPart"
            ? Math.Max(options.MaxControlPlaneRequestBytes, LayerPartRequestBytes)
            : options.MaxControlPlaneRequestBytes;
        if (context.Request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw TooLarge(limit);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static EcrApiException TooLarge(long limit) =>
        new("RequestEntityTooLargeException", $"Request body is larger than the {limit} bytes LocalEcr accepts", 413);

    private static JsonObject Parse(byte[] body)
    {
        // awsJson1_1 servers must accept an empty body as "{}".
        if (body.Length == 0)
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(body) as JsonObject ?? throw EcrErrors.Serialization("The request body must be a JSON object");
        }
        catch (JsonException)
        {
            throw EcrErrors.Serialization("Start of structure or map found where not expected, or the request body is not valid JSON");
        }
    }

    private static Task WriteErrorAsync(HttpContext context, EcrApiException error) => EcrErrorResponse.WriteAsync(context, error);
}
