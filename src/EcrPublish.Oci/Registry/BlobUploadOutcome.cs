namespace EcrPublish.Registry;

/// <summary>How a blob came to be in the target repository.</summary>
public enum BlobUploadOutcome
{
    AlreadyPresent,
    Mounted,
    Uploaded,
}
