using EcrPublish.LocalEcr.Validation;
using Microsoft.AspNetCore.Http;

namespace EcrPublish.LocalEcr.Registry;

/// <summary>
/// Everything under <c>/v2/</c>: authenticates, parses the path, validates the repository name (so no request with a
/// bad name reaches storage) and hands over to the handler for blobs, uploads, manifests, tags or referrers.
/// </summary>
internal sealed class RegistryEndpoint(
    RegistryAuthenticator authenticator,
    BlobHandler blobs,
    UploadHandler uploads,
    ManifestHandler manifests,
    TagListHandler tags,
    ReferrersHandler referrers)
{
    public async Task HandleAsync(HttpContext context)
    {
        context.Response.Headers["Docker-Distribution-Api-Version"] = "registry/2.0";
        if (!await authenticator.AuthenticateAsync(context))
        {
            return;
        }

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
