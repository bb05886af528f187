namespace EcrPublish.LocalEcr.Storage;

/// <summary>How <see cref="ImageCatalog.Put"/> ended.</summary>
internal enum ManifestPutOutcome
{
    /// <summary>The manifest (and tag, if any) is now in the repository.</summary>
    Stored,

    /// <summary>Nothing changed: the same manifest already carried this tag (or, without a tag, already existed).</summary>
    AlreadyExists,

    /// <summary>The tag exists and is immutable; ECR refuses even when the digest is the same.</summary>
    TagImmutable,

    /// <summary>A referenced layer or config blob is not in the repository.</summary>
    MissingBlobs,

    /// <summary>An index references a manifest that is not in the repository.</summary>
    MissingManifests,
}
