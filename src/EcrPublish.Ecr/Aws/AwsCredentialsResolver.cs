using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace EcrPublish.Aws;

/// <summary>
/// Finds AWS credentials exactly as the AWS CLI does, through AWSSDK.Core's chain: environment variables, web
/// identity, the profile (AWS_PROFILE or <c>default</c>; static keys, assume-role, SSO, credential_process), then
/// container and EC2 instance metadata. An explicit profile is used on its own, like the CLI's <c>--profile</c>.
/// </summary>
public static class AwsCredentialsResolver
{
    /// <summary>Resolves the credentials, or throws an <see cref="EcrClientException"/> (ECR2001-ECR2003) that says what to do.</summary>
    public static AWSCredentials Resolve(string? profile)
    {
        if (!string.IsNullOrEmpty(profile))
        {
            return ResolveProfile(profile);
        }

        try
        {
            // A fresh resolver per call: the shared static one caches its answer across environment changes
            // (e.g. web identity variables removed), which a long-lived MSBuild node must not inherit. It is not
            // disposed: disposing it also disposes the credentials it handed out (the shared IMDS refresher).
#pragma warning disable CA2000
            var resolver = new DefaultAWSCredentialsIdentityResolver();
#pragma warning restore CA2000
            return resolver.ResolveIdentity(null);
        }
        catch (ProfileNotFoundException exception)
        {
            throw ProfileNotFound(Environment.GetEnvironmentVariable("AWS_PROFILE") ?? "default", exception);
        }
        catch (AmazonClientException exception)
        {
            throw NoCredentials(exception);
        }
    }

    /// <summary>Fetches the current key set (refreshing temporary credentials when needed) with coded errors.</summary>
    /// <param name="credentials">Resolved credentials.</param>
    /// <param name="profile">The explicit profile, if any (only used to word the error message).</param>
    public static async Task<ImmutableCredentials> GetKeysAsync(AWSCredentials credentials, string? profile = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        try
        {
            return await credentials.GetCredentialsAsync().ConfigureAwait(false);
        }
        catch (AmazonClientException exception)
        {
            throw new EcrClientException(
                AwsClientErrorCodes.CredentialsUnavailable,
                $"The AWS credentials could not be obtained: {exception.Message} For an SSO profile run " +
                $"'aws sso login --profile {AwsRegionResolver.EffectiveProfileName(profile)}'; for assume-role check the source profile and role ARN.",
                exception);
        }
        catch (AmazonServiceException exception)
        {
            throw new EcrClientException(
                AwsClientErrorCodes.CredentialsUnavailable,
                $"STS/SSO refused to issue credentials ({exception.ErrorCode}): {exception.Message} Check the role ARN, trust policy and source credentials.",
                exception);
        }
    }

    private static AWSCredentials ResolveProfile(string profile)
    {
        var store = new CredentialProfileStoreChain();
        if (!store.TryGetProfile(profile, out _))
        {
            throw ProfileNotFound(profile, null);
        }

        try
        {
            if (store.TryGetAWSCredentials(profile, out var credentials))
            {
                return credentials;
            }
        }
        catch (AmazonClientException exception)
        {
            throw new EcrClientException(
                AwsClientErrorCodes.CredentialsUnavailable,
                $"Profile '{profile}' exists but its credentials cannot be used: {exception.Message} " +
                "For an SSO profile run 'aws sso login --profile " + profile + "'.",
                exception);
        }

        throw new EcrClientException(
            AwsClientErrorCodes.CredentialsUnavailable,
            $"Profile '{profile}' has no usable credentials (no keys, role, SSO session or credential_process). " +
            $"Run 'aws configure --profile {profile}' or 'aws sso login --profile {profile}'.");
    }

    private static EcrClientException ProfileNotFound(string profile, Exception? inner) =>
        new(
            AwsClientErrorCodes.ProfileNotFound,
            $"The AWS profile '{profile}' was not found in {ConfigFile()} or {CredentialsFile()}. " +
            $"Create it with 'aws configure --profile {profile}', or pick an existing one (AWS_PROFILE / the profile option).",
            inner);

    private static EcrClientException NoCredentials(Exception inner) =>
        new(
            AwsClientErrorCodes.NoCredentials,
            "No AWS credentials were found (environment variables, web identity, profile, container or instance metadata). " +
            "Set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, run 'aws configure' or 'aws sso login', or choose a profile. " +
            $"Detail: {inner.Message}",
            inner);

    private static string ConfigFile() =>
        Environment.GetEnvironmentVariable("AWS_CONFIG_FILE") ?? Path.Combine("~", ".aws", "config");

    private static string CredentialsFile() =>
        Environment.GetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE") ?? Path.Combine("~", ".aws", "credentials");
}
