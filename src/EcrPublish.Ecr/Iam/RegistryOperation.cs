namespace EcrPublish.Iam;

/// <summary>
/// The registry API requests of a publish, named as <see cref="PublishPermissionTable"/> lists them: ECR authorizes each
/// one as an ECR API action (a HEAD of a blob is <c>ecr:BatchCheckLayerAvailability</c>, a manifest PUT is <c>ecr:PutImage</c>).
/// </summary>
public static class RegistryOperation
{
    public const string CheckBlob = "HEAD /v2/<name>/blobs/<digest>";
    public const string ReadBlob = "GET /v2/<name>/blobs/<digest>";
    public const string StartUpload = "POST /v2/<name>/blobs/uploads/";
    public const string UploadPart = "PATCH /v2/<name>/blobs/uploads/<id>";
    public const string CompleteUpload = "PUT /v2/<name>/blobs/uploads/<id>?digest=";
    public const string ReadManifest = "GET|HEAD /v2/<name>/manifests/<reference>";
    public const string PutManifest = "PUT /v2/<name>/manifests/<reference>";
    public const string ListReferrers = "GET /v2/<name>/referrers/<digest>";
    public const string ListTags = "GET /v2/<name>/tags/list";

    /// <summary>The operation of a registry request (its method and path, a query ignored), or null for one that needs no ECR action (<c>/v2/</c>).</summary>
    public static string? Classify(string method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        var query = path.IndexOf('?', StringComparison.Ordinal);
        var bare = query < 0 ? path : path[..query];
        method = method.ToUpperInvariant();
        if (bare.Contains("/blobs/uploads/", StringComparison.Ordinal) || bare.EndsWith("/blobs/uploads", StringComparison.Ordinal))
        {
            return method switch
            {
                "POST" => StartUpload,
                "PATCH" => UploadPart,
                "PUT" => CompleteUpload,
                // The status of a session (after a broken chunk): part of uploading it.
                "GET" => UploadPart,
                _ => null,
            };
        }

        return (method, Kind(bare)) switch
        {
            ("HEAD", "blobs") => CheckBlob,
            ("GET", "blobs") => ReadBlob,
            ("GET" or "HEAD", "manifests") => ReadManifest,
            ("PUT", "manifests") => PutManifest,
            ("GET", "referrers") => ListReferrers,
            ("GET", "tags") => ListTags,
            _ => null,
        };
    }

    // The segment after the repository name: /v2/<name>/<kind>/<reference>; the name may itself hold slashes.
    private static string? Kind(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length >= 4 && segments[0] == "v2" ? segments[^2] : null;
    }
}
