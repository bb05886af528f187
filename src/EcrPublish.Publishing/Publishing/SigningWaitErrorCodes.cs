namespace EcrPublish.Publishing;

/// <summary>Errors of the wait for ECR managed signing (docs/errors/supply-chain.md, "Managed signing").</summary>
public static class SigningWaitErrorCodes
{
    /// <summary><c>EcrWaitForSigning</c> is not auto, true or false.</summary>
    public const string InvalidMode = "ECR8150";

    /// <summary><c>EcrSigningTimeout</c> is not a positive duration of at most a day.</summary>
    public const string InvalidTimeout = "ECR8151";

    /// <summary><c>EcrWaitForSigning=true</c>, but no rule of the registry's signing configuration covers the repository.</summary>
    public const string NotCovered = "ECR8152";

    /// <summary><c>EcrWaitForSigning=true</c>, but the registry reports no signing of the pushed image.</summary>
    public const string NotSigned = "ECR8153";

    /// <summary>A signing status ended <c>FAILED</c>.</summary>
    public const string Failed = "ECR8154";

    /// <summary>The signing did not finish within <c>EcrSigningTimeout</c>.</summary>
    public const string TimedOut = "ECR8155";
}
