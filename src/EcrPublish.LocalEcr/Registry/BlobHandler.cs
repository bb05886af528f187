using EcrPublish.LocalEcr.Storage;
using EcrPublish.LocalEcr.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcrPublish.LocalEcr.Registry;

/// <summary>HEAD/GET <c>/v2/&lt;name&gt;/blobs/&lt;digest&gt;</c>. A blob is only visible in repositories it was pushed or mounted into.</summary>
internal sealed class BlobHandler(LocalEcrOptions options, RepositoryStore repositories, BlobStore blobs)
{
    public async Task HandleAsync(HttpContext context, string name, string digest)
    {
        if (HttpMethods.IsDelete(context.Request.Method))
        {
            await RegistryErrors.WriteAsync(context, 405, "UNSUPPORTED", "Amazon ECR does not support deleting blobs; delete images instead");
            return;
        }

        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            await RegistryErrors.WriteAsync(context, 405, "UNSUPPORTED", "Method not allowed");
            return;
        }

        if (!DigestRule.IsValid(digest))
        {
            await RegistryErrors.DigestInvalidAsync(context, digest);
            return;
        }

        bool linked;
        using (var handle = await repositories.LockAsync(name, context.RequestAborted))
        {
            if (handle.Record is null)
            {
                await RegistryErrors.NameUnknownAsync(context, name, options.AccountId);
                return;
            }

            linked = handle.Record.Blobs.Contains(digest);
        }

        var size = linked ? blobs.SizeOf(digest) : null;
        if (size is null)
        {
            await RegistryErrors.WriteAsync(context, 404, "BLOB_UNKNOWN", $"The blob '{digest}' does not exist in the repository '{name}'");
            return;
        }

        context.Response.Headers["Docker-Content-Digest"] = digest;
        context.Response.Headers.ETag = $"\"{digest}\"";
        if (HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.ContentType = "application/octet-stream";
            context.Response.ContentLength = size;
            return;
        }

        await TypedResults.PhysicalFile(blobs.PathOf(digest), "application/octet-stream", enableRangeProcessing: true).ExecuteAsync(context);
    }
}
