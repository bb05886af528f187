namespace EcrPublish.Publishing;

/// <summary>What to do about ECR managed signing after the push.</summary>
/// <param name="Mode"><c>EcrWaitForSigning</c>.</param>
/// <param name="Timeout">How long to wait for the signing to finish (<c>EcrSigningTimeout</c>).</param>
public sealed record SigningWaitSettings(SigningWaitMode Mode, TimeSpan Timeout)
{
    /// <summary>The default: wait up to five minutes when the registry signs the repository's images.</summary>
    public static SigningWaitSettings Default { get; } = new(SigningWaitMode.Auto, PublishRequestValidator.DefaultSigningTimeout);
}
