namespace EcrPublish.Signing;

/// <summary>The outcome of verifying one signature envelope.</summary>
/// <param name="FailureCode">Null when the signature verified; else an ECR814x code (<see cref="Verification.VerificationErrorCodes"/>).</param>
/// <param name="Detail">What was verified (algorithm and signer), or what is wrong and what to do.</param>
/// <param name="Signer">The leaf certificate's subject when the envelope carries one.</param>
public sealed record SignatureVerification(string? FailureCode, string Detail, string? Signer)
{
    /// <summary>True when the signature verified.</summary>
    public bool IsValid => FailureCode is null;

    internal static SignatureVerification Failed(string code, string detail, string? signer = null) => new(code, detail, signer);
}
