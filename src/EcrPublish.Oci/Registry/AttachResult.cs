using EcrPublish.Images;

namespace EcrPublish.Registry;

/// <summary>What attaching artifacts to an image did.</summary>
public sealed record AttachResult
{
    /// <summary>One descriptor per artifact, in the order given: the artifact manifest with its <c>artifactType</c> and annotations.</summary>
    public required IReadOnlyList<Descriptor> Referrers { get; init; }

    /// <summary>Artifact manifests PUT by this call (0 when all were already referrers of the subject).</summary>
    public int ManifestsPushed { get; init; }

    /// <summary>Blobs uploaded (the empty config and artifact layers the repository did not have).</summary>
    public int BlobsUploaded { get; init; }

    /// <summary>True when the registry keeps the referrers (referrers API or <c>OCI-Subject</c>); false when the referrers tag holds them.</summary>
    public bool ReferrersApi { get; init; }

    /// <summary>Whether the referrers tag (<c>sha256-&lt;hex&gt;</c>) was written.</summary>
    public bool ReferrersTagUpdated { get; init; }

    /// <summary>HTTP requests this call sent (token requests included).</summary>
    public long Requests { get; init; }
}
