namespace EcrPublish.Registry;

/// <summary>Stable codes of attaching and listing OCI referrers (ECR805x–ECR809x). docs/errors/supply-chain.md explains each.</summary>
public static class ReferrerErrorCodes
{
    /// <summary>The referrers tag (<c>sha256-&lt;hex&gt;</c>) holds something other than an image index.</summary>
    public const string ReferrersTagNotAnIndex = "ECR8050";

    /// <summary>The referrers API answered 200 with a body that is not an image index.</summary>
    public const string ReferrersResponseInvalid = "ECR8051";

    /// <summary>An artifact or its subject is not something that can be attached (bad media type, digest, empty content).</summary>
    public const string ArtifactInvalid = "ECR8052";

    /// <summary>The registry has no referrers API and refused to update the referrers tag (immutable tags).</summary>
    public const string ReferrersTagRefused = "ECR8053";

    /// <summary>Others kept replacing the referrers tag while it was updated, so our entries did not stay in it.</summary>
    public const string ReferrersTagContended = "ECR8054";
}
