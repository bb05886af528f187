namespace EcrPublish.Publishing.Stages;

/// <summary>
/// A document to attach to a pushed image as an OCI 1.1 referrer (an SBOM, a provenance statement, a signature):
/// pushed as an artifact manifest whose <c>subject</c> is the image.
/// </summary>
/// <param name="ArtifactType">The manifest's <c>artifactType</c>, e.g. <c>application/spdx+json</c>.</param>
/// <param name="MediaType">The media type of the one layer that holds <paramref name="Content"/>.</param>
/// <param name="Content">The document's bytes.</param>
/// <param name="SubjectDigest">The image it describes (one platform's image of an index); null for the pushed image itself.</param>
public sealed record ReferrerArtifact(string ArtifactType, string MediaType, ReadOnlyMemory<byte> Content, string? SubjectDigest = null);
