namespace EcrPublish.LocalEcr.Registry;

/// <summary>
/// A parsed <c>/v2/&lt;name&gt;/…</c> path. Repository names contain slashes, so the name is everything before the last
/// API marker (<c>/blobs/uploads/</c>, <c>/blobs/</c>, <c>/manifests/</c>, <c>/referrers/</c>, <c>/tags/list</c>).
/// The name and reference are not validated here.
/// </summary>
internal sealed record RegistryRoute(RegistryRouteKind Kind, string Name, string Reference)
{
    public static RegistryRoute Parse(string pathAfterV2)
    {
        var path = pathAfterV2.TrimStart('/');
        if (path.Length == 0)
        {
            return new RegistryRoute(RegistryRouteKind.Base, string.Empty, string.Empty);
        }

        if (path.EndsWith("/tags/list", StringComparison.Ordinal))
        {
            return new RegistryRoute(RegistryRouteKind.TagList, path[..^"/tags/list".Length], string.Empty);
        }

        if (path.EndsWith("/blobs/uploads", StringComparison.Ordinal))
        {
            return new RegistryRoute(RegistryRouteKind.Upload, path[..^"/blobs/uploads".Length], string.Empty);
        }

        foreach (var (marker, kind) in Markers)
        {
            var at = path.LastIndexOf(marker, StringComparison.Ordinal);
            if (at > 0)
            {
                return new RegistryRoute(kind, path[..at], path[(at + marker.Length)..]);
            }
        }

        return new RegistryRoute(RegistryRouteKind.Unknown, string.Empty, string.Empty);
    }

    private static readonly (string Marker, RegistryRouteKind Kind)[] Markers =
    [
        ("/blobs/uploads/", RegistryRouteKind.Upload),
        ("/blobs/", RegistryRouteKind.Blob),
        ("/manifests/", RegistryRouteKind.Manifest),
        ("/referrers/", RegistryRouteKind.Referrers),
    ];
}
