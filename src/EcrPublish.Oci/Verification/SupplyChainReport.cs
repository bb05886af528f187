namespace EcrPublish.Verification;

/// <summary>Everything <see cref="SupplyChainVerifier"/> checked of one image.</summary>
/// <param name="ImageDigest">The digest of the image (or index) verified.</param>
/// <param name="Checks">One per referrer of the image and of its platform images, then one per required kind that is missing.</param>
public sealed record SupplyChainReport(string ImageDigest, IReadOnlyList<ReferrerCheck> Checks)
{
    /// <summary>True when no check failed.</summary>
    public bool Passed => Checks.All(check => check.Outcome != CheckOutcome.Failed);
}
