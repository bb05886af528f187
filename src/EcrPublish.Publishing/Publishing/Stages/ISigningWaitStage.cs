namespace EcrPublish.Publishing.Stages;

/// <summary>Waits for ECR's managed signing of a pushed image.</summary>
public interface ISigningWaitStage
{
    /// <summary>Waits until the registry has signed <paramref name="image"/>; null when it does not sign it and <c>EcrWaitForSigning</c> allows that.</summary>
    Task<SigningResult?> WaitAsync(EcrPublishRequest request, PushTarget target, PushedImage image, CancellationToken cancellationToken);
}
