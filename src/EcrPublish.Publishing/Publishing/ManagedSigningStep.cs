using EcrPublish.Aws;
using EcrPublish.Aws.Model;
using EcrPublish.ManagedSigning;

namespace EcrPublish.Publishing;

/// <summary>
/// After the push: when the registry's signing configuration covers the repository, polls DescribeImageSigningStatus
/// until no status is <c>IN_PROGRESS</c>, then fails on <c>FAILED</c>. <c>EcrWaitForSigning=true</c> also fails when
/// nothing covers the repository, the image was not signed, or the configuration cannot be read; <c>auto</c> then goes on.
/// </summary>
/// <param name="ecr">The ECR client.</param>
/// <param name="log">Where the wait reports.</param>
/// <param name="time">The clock of the polls and the timeout.</param>
/// <param name="pollDelay">The pause between two polls; ECR signs within seconds, so two by default.</param>
public sealed class ManagedSigningStep(EcrApiClient ecr, IPublishLog log, TimeProvider time, TimeSpan? pollDelay = null)
{
    private readonly TimeSpan _delay = pollDelay ?? TimeSpan.FromSeconds(2);

    /// <summary>The final statuses of <paramref name="digest"/>, all COMPLETE; null when the registry does not sign it (and need not).</summary>
    public async Task<IReadOnlyList<ImageSigningStatus>?> WaitAsync(string repository, string? registryId, string digest, SigningWaitSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        SigningConfiguration? configuration;
        try
        {
            configuration = await ConfigurationAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (EcrServiceException exception) when (settings.Mode == SigningWaitMode.Auto)
        {
            // A role without ecr:GetSigningConfiguration, or an endpoint without managed signing (moto): auto is best effort.
            log.Important($"EcrPublish: cannot read the registry's signing configuration ({exception.ErrorCode}: {exception.ServiceMessage}); not waiting for a signature. Allow ecr:GetSigningConfiguration, or set EcrWaitForSigning=false to skip the check.");
            return null;
        }

        var rules = SigningConfigurationCoverage.RulesCovering(configuration, repository);
        if (rules.Count == 0)
        {
            if (settings.Mode == SigningWaitMode.Required)
            {
                throw new EcrPublishException(SigningWaitErrorCodes.NotCovered,
                    $"EcrWaitForSigning=true, but no rule of the registry's signing configuration covers repository '{repository}'. Add a rule for it (aws ecr put-signing-configuration), or set EcrWaitForSigning=auto.");
            }

            log.Detail($"EcrPublish: the registry does not sign images of {repository}; not waiting for a signature.");
            return null;
        }

        log.Important($"EcrPublish: waiting for ECR to sign {repository}@{digest} (up to {settings.Timeout.TotalSeconds:0} s)...");
        var statuses = await PollAsync(repository, registryId, digest, settings.Timeout, cancellationToken).ConfigureAwait(false);
        if (statuses.Count == 0)
        {
            if (settings.Mode == SigningWaitMode.Required)
            {
                throw new EcrPublishException(SigningWaitErrorCodes.NotSigned,
                    $"EcrWaitForSigning=true, but ECR reports no signing of {repository}@{digest}: the image was pushed before the signing configuration covered the repository. Push a changed image, or set EcrWaitForSigning=auto.");
            }

            log.Important($"EcrPublish: ECR did not sign {repository}@{digest} (it was pushed before the signing configuration covered the repository).");
            return null;
        }

        var failed = statuses.Where(status => status.Status == SigningStatuses.Failed).ToList();
        if (failed.Count > 0)
        {
            throw new EcrPublishException(SigningWaitErrorCodes.Failed,
                $"ECR could not sign {repository}@{digest}: {string.Join("; ", failed.Select(status => $"{status.SigningProfileArn}: {status.FailureCode} ({status.FailureReason})"))}. The image is pushed but unsigned: fix the signing profile or its permissions, then push again.");
        }

        log.Important($"EcrPublish: signed by ECR ({string.Join(", ", statuses.Select(status => status.SigningProfileArn))}).");
        return statuses;
    }

    private async Task<SigningConfiguration?> ConfigurationAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await ecr.GetSigningConfigurationAsync(cancellationToken).ConfigureAwait(false)).SigningConfiguration;
        }
        catch (EcrServiceException exception) when (exception.ErrorCode == EcrServiceErrorCodes.SigningConfigurationNotFound)
        {
            return null;
        }
    }

    private async Task<IReadOnlyList<ImageSigningStatus>> PollAsync(string repository, string? registryId, string digest, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = time.GetUtcNow();
        var request = new DescribeImageSigningStatusRequest { RegistryId = registryId, RepositoryName = repository, ImageId = new ImageIdentifier { ImageDigest = digest } };
        while (true)
        {
            var statuses = (await ecr.DescribeImageSigningStatusAsync(request, cancellationToken).ConfigureAwait(false)).SigningStatuses ?? [];
            if (!statuses.Any(status => status.Status == SigningStatuses.InProgress))
            {
                return statuses;
            }

            if (time.GetUtcNow() - start + _delay > timeout)
            {
                throw new EcrPublishException(SigningWaitErrorCodes.TimedOut,
                    $"ECR did not finish signing {repository}@{digest} within {timeout.TotalSeconds:0} s (still {SigningStatuses.InProgress}). Raise EcrSigningTimeout, or set EcrWaitForSigning=false to publish without waiting.");
            }

            await Task.Delay(_delay, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
