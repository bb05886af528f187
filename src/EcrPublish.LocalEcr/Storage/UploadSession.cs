namespace EcrPublish.LocalEcr.Storage;

/// <summary>
/// The acknowledged state of a blob upload. <see cref="Length"/> counts only bytes the client has been told were
/// received; bytes past it in the data file belong to a request that never finished and are discarded.
/// <see cref="UpdatedAt"/> is when the session was last written: it expires a lifetime after that.
/// <see cref="SmallestInnerPartSize"/> is the smallest part that another part followed (null while there is at most one
/// part): CompleteLayerUpload refuses an upload whose inner parts are below ECR's minimum.
/// </summary>
internal sealed record UploadSession(string Id, string Repository, long Length, int Parts, long LastPartSize, long FirstPartSize = 0, DateTimeOffset UpdatedAt = default, long? SmallestInnerPartSize = null);
