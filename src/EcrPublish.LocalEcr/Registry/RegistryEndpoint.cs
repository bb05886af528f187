using EcrPublish.LocalEcr.Validation;
using Microsoft.AspNetCore.Http;

namespace EcrPublish.LocalEcr.Registry;

/// <summary>
/// Everything under <c>/v2/</c> of one registry, once the server has authenticated the request: parses the path,
/// validates the repository name (so no request with a bad name reaches storage) and hands over to the handler for
/// blobs, uploads, manifests, tags or referrers. Whatever a handler fails with becomes a logged 500 in the registry's
/// error shape.
/// </summary>
internal sealed class RegistryEndpoint(
    BlobHandler blobs,
    UploadHandler uploads,
    ManifestHandler manifests,
    TagListHandler tags,
    ReferrersHandler referrers)
{
    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            await RouteAsync(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
        catch (BadHttpRequestException error)
        {
            // A body Kestrel could not read (cut short, malformed chunking): the client's fault, not ours.
            if (!context.Response.HasStarted)
            {
                await RegistryErrors.WriteAsync(context, error.StatusCode, "BLOB_UPLOAD_INVALID", error.Message);
            }
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

    private async Task RouteAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var route = RegistryRoute.Parse(path.StartsWith("/v2", StringComparison.Ordinal) ? path[3..] : path);
        if (route.Kind == RegistryRouteKind.Base)
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{}", context.RequestAborted);
            return;
        }

        if (route.Kind == RegistryRouteKind.Unknown)
        {
            await RegistryErrors.WriteAsync(context, 404, "UNSUPPORTED", "Unknown registry API path");
            return;
        }

        if (!RepositoryNameRule.IsValid(route.Name))
        {
            await RegistryErrors.NameInvalidAsync(context);
            return;
        }

        var task = route.Kind switch
        {
            RegistryRouteKind.Blob => blobs.HandleAsync(context, route.Name, route.Reference),
            RegistryRouteKind.Upload => uploads.HandleAsync(context, route.Name, route.Reference),
            RegistryRouteKind.Manifest => manifests.HandleAsync(context, route.Name, route.Reference),
            RegistryRouteKind.TagList => tags.HandleAsync(context, route.Name),
            _ => referrers.HandleAsync(context, route.Name, route.Reference),
        };
        await task;
    }
}
