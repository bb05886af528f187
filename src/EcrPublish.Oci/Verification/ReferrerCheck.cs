namespace EcrPublish.Verification;

/// <summary>The verification of one referrer of an image (or one missing required referrer).</summary>
/// <param name="SubjectDigest">The image (or platform image of an index) the referrer is listed for.</param>
/// <param name="Platform">The platform of that image within an index (<c>linux/amd64</c>); null for the image named.</param>
/// <param name="Kind">What the referrer is.</param>
/// <param name="ArtifactType">Its artifact type, as listed; null for a missing referrer.</param>
/// <param name="ReferrerDigest">Its manifest digest; null for a missing referrer.</param>
/// <param name="Outcome">How the check came out.</param>
/// <param name="FailureCode">An ECR814x code when it failed.</param>
/// <param name="Detail">What was verified, or what is wrong and what to do.</param>
public sealed record ReferrerCheck(
    string SubjectDigest, string? Platform, ReferrerKind Kind, string? ArtifactType, string? ReferrerDigest, CheckOutcome Outcome, string? FailureCode, string Detail);
