using System.Globalization;
using EcrPublish.EcrRules;
using EcrPublish.LocalEcr.Auth;
using EcrPublish.LocalEcr.Regions;
using EcrPublish.LocalEcr.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcrPublish.LocalEcr.Registry;

/// <summary>
/// <c>GET /_localecr/layers/&lt;account&gt;/&lt;region&gt;/&lt;digest&gt;?expires=…&amp;signature=…</c>: serves a blob to
/// whoever holds a URL from GetDownloadUrlForLayer, with no registry credentials, as S3 serves ECR's pre-signed layer
/// URLs. A URL that is altered, forged or expired is refused with 403 and S3's XML error, checked before any registry
/// is looked up.
/// </summary>
internal sealed class LayerDownloadEndpoint(LocalEcrOptions options, LayerUrlSigner signer, RegionalRegistries registries)
{
    public async Task HandleAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            await WriteS3ErrorAsync(context, 405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
            return;
        }

        var parts = (context.Request.Path.Value ?? string.Empty)[LayerUrlSigner.PathPrefix.Length..].Split('/');
        var query = context.Request.Query;
        if (parts.Length != 3 || !EcrRegistryId.IsValid(parts[0]) || !EcrRegion.IsValid(parts[1]) || !DigestRule.IsValid(parts[2])
            || !long.TryParse(query["expires"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || !signer.IsAuthentic(new RegistryScope(parts[0], parts[1]), parts[2], expires, query["signature"].ToString()))
        {
            await WriteS3ErrorAsync(context, 403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
            return;
        }

        if (options.TimeProvider.GetUtcNow().ToUnixTimeSeconds() >= expires)
        {
            await WriteS3ErrorAsync(context, 403, "AccessDenied", "Request has expired");
            return;
        }

        var blobs = registries.Get(new RegistryScope(parts[0], parts[1])).Blobs;
        if (!blobs.Exists(parts[2]))
        {
            await WriteS3ErrorAsync(context, 404, "NoSuchKey", "The specified key does not exist.");
            return;
        }

        await TypedResults.PhysicalFile(blobs.PathOf(parts[2]), "application/octet-stream", enableRangeProcessing: true).ExecuteAsync(context);
    }

    private static async Task WriteS3ErrorAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/xml";
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.WriteAsync($"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>{code}</Code><Message>{message}</Message></Error>", context.RequestAborted);
        }
    }
}
