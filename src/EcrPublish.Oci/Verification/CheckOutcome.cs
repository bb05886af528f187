namespace EcrPublish.Verification;

/// <summary>How one check of an image's referrers came out.</summary>
public enum CheckOutcome
{
    /// <summary>Digests, subject and content (and signature) verified.</summary>
    Verified,

    /// <summary>Something is wrong; the check's code says what.</summary>
    Failed,

    /// <summary>Not checked: a signature without a key or certificate to check it with, or an artifact of another kind.</summary>
    NotChecked,
}
