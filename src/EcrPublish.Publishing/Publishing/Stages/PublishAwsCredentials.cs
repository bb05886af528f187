using System.Collections.Concurrent;
using Amazon.Runtime;
using EcrPublish.Aws;

namespace EcrPublish.Publishing.Stages;

/// <summary>
/// The AWS credentials of a publish's clients — its ECR client, each EcrDestination's, the regional ones that fetch
/// base-image tokens in other regions, the KMS client of a signing key — resolved through the credential chain once per
/// profile, on first use. A credential_process, an assume-role or an SSO exchange then runs once per publish rather
/// than once per client; the SDK's credentials refresh themselves, so sharing them is safe.
/// </summary>
/// <param name="resolve">Resolves a profile's credentials (null: the default chain); <see cref="AwsCredentialsResolver.Resolve"/> when null.</param>
public sealed class PublishAwsCredentials(Func<string?, AWSCredentials>? resolve = null)
{
    private readonly Func<string?, AWSCredentials> _resolve = resolve ?? AwsCredentialsResolver.Resolve;
    private readonly ConcurrentDictionary<string, Lazy<AWSCredentials>> _byProfile = new(StringComparer.Ordinal);

    /// <summary>The credentials of <paramref name="profile"/> (null: AWS_PROFILE or the default chain), resolved on the first call; a failure (ECR2001-ECR2003) is thrown again on every call.</summary>
    public AWSCredentials For(string? profile) =>
        _byProfile.GetOrAdd(profile ?? "", _ => new Lazy<AWSCredentials>(() => _resolve(profile))).Value;
}
