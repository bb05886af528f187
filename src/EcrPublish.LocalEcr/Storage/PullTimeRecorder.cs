using EcrPublish.LocalEcr.Auth;

namespace EcrPublish.LocalEcr.Storage;

/// <summary>Sets an image's <c>lastRecordedPullTime</c> on a pull, unless the caller is a registered pull-time update exclusion.</summary>
internal sealed class PullTimeRecorder(LocalEcrOptions options, RegistrySettingsStore settings)
{
    public void Record(ImageRecord image, DateTimeOffset now)
    {
        var caller = CallerIdentity.Arn(options);
        if (!settings.Current.PullTimeUpdateExclusions.Any(exclusion => exclusion.PrincipalArn == caller))
        {
            image.LastPulledAt = now;
        }
    }
}
