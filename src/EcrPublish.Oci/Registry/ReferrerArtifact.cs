using EcrPublish.Images;

namespace EcrPublish.Registry;

/// <summary>
/// One artifact to attach to an image as an OCI 1.1 referrer (an SBOM, a provenance statement, a signature):
/// its bytes become the single layer of an image manifest with an empty config and <c>subject</c> = the image.
/// </summary>
/// <param name="ArtifactType">The manifest's <c>artifactType</c>, what referrers lists filter on (e.g. <c>application/spdx+json</c>).</param>
/// <param name="MediaType">The media type of <paramref name="Content"/>, the layer descriptor's <c>mediaType</c>.</param>
/// <param name="Content">The artifact bytes. The same bytes give the same manifest digest, so nothing is sent again.</param>
public sealed record ReferrerArtifact(string ArtifactType, string MediaType, byte[] Content)
{
    /// <summary>The empty JSON blob an artifact manifest uses as its config.</summary>
    internal static readonly byte[] EmptyConfig = "{}"u8.ToArray();

    internal static readonly Descriptor EmptyConfigDescriptor = new(MediaTypes.OciEmpty, ContentDigest.Of(EmptyConfig), EmptyConfig.Length);

    /// <summary>Manifest annotations (e.g. <c>org.opencontainers.image.created</c>); keep them reproducible, or every publish adds a new referrer.</summary>
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }

    public Descriptor LayerDescriptor => new(MediaType, ContentDigest.Of(Content), Content.Length);

    /// <summary>The artifact manifest that refers to <paramref name="subject"/>.</summary>
    public ImageManifest ManifestFor(Descriptor subject) => new(MediaTypes.OciManifest, EmptyConfigDescriptor, [LayerDescriptor])
    {
        ArtifactType = ArtifactType,
        // Only what identifies the subject: a platform or annotations of the index entry are not part of it.
        Subject = new Descriptor(subject.MediaType, subject.Digest, subject.Size),
        Annotations = Annotations is { Count: > 0 } ? Annotations : null,
    };
}
