namespace EcrPublish.Registry;

/// <summary>What <see cref="ImageCopier"/> did.</summary>
public sealed record ImageCopyResult
{
    /// <summary>The digest of the copied image, the same in both repositories.</summary>
    public required string Digest { get; init; }

    /// <summary>Every manifest, in the order it was handled, and whether it was put (false: the destination had it).</summary>
    public required IReadOnlyList<(CopyManifest Manifest, bool Pushed)> Manifests { get; init; }

    /// <summary>Blobs the destination already had.</summary>
    public int BlobsPresent { get; init; }

    /// <summary>Blobs mounted from the source repository (same registry).</summary>
    public int BlobsMounted { get; init; }

    /// <summary>Blobs streamed from the source registry.</summary>
    public int BlobsStreamed { get; init; }

    /// <summary>Bytes of the streamed blobs.</summary>
    public long BytesStreamed { get; init; }

    /// <summary>The tag put on the image at the destination, or null when it was copied by digest.</summary>
    public string? Tag { get; init; }

    /// <summary>False when the tag already named the image at the destination, so it was left alone.</summary>
    public bool TagMoved { get; init; }
}
