using EcrPublish.ManagedSigning;
using EcrPublish.Registry;

namespace EcrPublish.Publishing.Stages;

/// <summary>
/// Waits for ECR's managed signing of the pushed image or index (<see cref="ManagedSigningStep"/>), then reads the
/// signatures that refer to it from the registry.
/// </summary>
public sealed class EcrSigningWaitStage(PublishConnections connections, IPublishLog log, TimeProvider time) : ISigningWaitStage
{
    public async Task<SigningResult?> WaitAsync(EcrPublishRequest request, PushTarget target, PushedImage image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(image);
        var statuses = await new ManagedSigningStep(connections.Ecr, log, time)
            .WaitAsync(request.Repository, request.RegistryId, image.Digest, request.SigningWait, cancellationToken).ConfigureAwait(false);
        if (statuses is null)
        {
            return null;
        }

        var signatures = await new ReferrersReader(connections.Registries.Get(target.RegistryHost))
            .ListAsync(target.Repository, image.Digest, ManagedSignatures.ArtifactType, cancellationToken).ConfigureAwait(false);
        return new SigningResult(SigningStatuses.Complete, [.. statuses.Select(status => status.SigningProfileArn ?? "")], [.. signatures.Referrers.Select(signature => signature.Digest)]);
    }
}
