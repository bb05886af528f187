namespace EcrPublish.Registry;

/// <summary>Stable codes of copying and retagging images (ECR703x–ECR704x, shared with <c>dotnet ecr images copy|tag</c>). docs/errors/cli.md explains each.</summary>
public static class CopyErrorCodes
{
    /// <summary>The source tag or digest is not in the source repository.</summary>
    public const string SourceNotFound = "ECR7032";

    /// <summary>The destination tag is immutable and already names another image.</summary>
    public const string TagPointsElsewhere = "ECR7034";

    /// <summary>A blob read from the source does not hash to its digest or is not as long as its descriptor says.</summary>
    public const string BlobNotAsAddressed = "ECR7035";

    /// <summary>A manifest of the source is not what its parent's descriptor says (size, media type), or cannot be read.</summary>
    public const string ManifestInvalid = "ECR7036";
}
