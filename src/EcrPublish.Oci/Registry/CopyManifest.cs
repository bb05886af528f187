using EcrPublish.Images;

namespace EcrPublish.Registry;

/// <summary>A manifest or index that a copy carries, with its exact bytes.</summary>
/// <param name="Descriptor">How its parent (an index or a referrers list) describes it; for the copied image, its own media type, digest and size.</param>
/// <param name="Content">The bytes read from the source, which hash to <see cref="Descriptor"/>'s digest.</param>
/// <param name="Role">What it is, for people: <c>index</c>, <c>image linux/arm64</c>, <c>referrer application/spdx+json</c>.</param>
/// <param name="SubjectDigest">The digest of the manifest it refers to (its OCI <c>subject</c>), for a referrer.</param>
public sealed record CopyManifest(Descriptor Descriptor, byte[] Content, string Role, string? SubjectDigest);
