namespace EcrPublish.LocalEcr.Storage;

/// <summary>How signing an image for one signing profile went (DescribeImageSigningStatus).</summary>
internal sealed class ImageSigningStatus
{
    public required string SigningProfileArn { get; init; }

    /// <summary><c>IN_PROGRESS</c>, <c>COMPLETE</c> or <c>FAILED</c>.</summary>
    public required string Status { get; set; }

    public string? FailureCode { get; set; }

    public string? FailureReason { get; set; }

    /// <summary>The digest of the signature manifest stored as the image's referrer; null until it is stored.</summary>
    public string? SignatureDigest { get; set; }
}
