namespace EcrPublish.Cli.Verbs;

/// <summary>Why <c>images cleanup</c> keeps an untagged image it would otherwise delete.</summary>
internal enum KeepReason
{
    /// <summary>An index that is kept lists it (ECR refuses to delete it: ImageReferencedByManifestList).</summary>
    ReferencedByKeptIndex,

    /// <summary>It is a referrer (signature, SBOM, attestation) whose subject is kept.</summary>
    ReferrerOfKeptImage,

    /// <summary>It is a referrer whose subject is gone, and <c>--include-orphan-referrers</c> was not given.</summary>
    OrphanReferrer,

    /// <summary>Its manifest could not be read, so whether something depends on it is unknown.</summary>
    ManifestUnreadable,
}
