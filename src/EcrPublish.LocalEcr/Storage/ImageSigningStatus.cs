namespace EcrPublish.LocalEcr.Storage;

/// <summary>How signing an image for one signing profile went (DescribeImageSigningStatus).</summary>
internal sealed class ImageSigningStatus
{
    public required string SigningProfileArn { get; init; }

    /// <summary><c>COMPLETE</c> or <c>FAILED</c>: the outcome, reported from <see cref="CompletesAt"/> on.</summary>
    public required string Status { get; set; }

    /// <summary>Until then the status is reported as <c>IN_PROGRESS</c>, as ECR's asynchronous signing would be.</summary>
    public DateTimeOffset CompletesAt { get; init; }

    public string? FailureCode { get; set; }

    public string? FailureReason { get; set; }

    /// <summary>The digest of the signature manifest stored as the image's referrer; null until it is stored.</summary>
    public string? SignatureDigest { get; set; }
}
