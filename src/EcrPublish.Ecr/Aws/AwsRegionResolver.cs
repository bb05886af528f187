using Amazon.Runtime.CredentialManagement;

namespace EcrPublish.Aws;

/// <summary>
/// Finds the region like the AWS CLI: the explicit value, AWS_REGION, AWS_DEFAULT_REGION, then the profile's
/// <c>region</c> (AWS_PROFILE or <c>default</c>). AWSSDK.Core's FallbackRegionFactory skips AWS_DEFAULT_REGION and
/// caches in a static, so the order is spelled out here.
/// </summary>
public static class AwsRegionResolver
{
    /// <summary>Returns the region, or null when none is configured.</summary>
    public static string? TryResolve(string? explicitRegion, string? profile)
    {
        if (!string.IsNullOrWhiteSpace(explicitRegion))
        {
            return explicitRegion.Trim();
        }

        foreach (var variable in new[] { "AWS_REGION", "AWS_DEFAULT_REGION" })
        {
            if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value)
            {
                return value.Trim();
            }
        }

        var profileName = EffectiveProfileName(profile);
        var store = new CredentialProfileStoreChain();
        if (store.TryGetProfile(profileName, out var found) && found.Region is not null)
        {
            return found.Region.SystemName;
        }

        return null;
    }

    /// <summary>Returns the region or throws ECR2004 saying how to set one.</summary>
    public static string Resolve(string? explicitRegion, string? profile) =>
        TryResolve(explicitRegion, profile) ?? throw new EcrClientException(
            AwsClientErrorCodes.NoRegion,
            "No AWS region is configured. Set AWS_REGION (or AWS_DEFAULT_REGION), add 'region = ...' to the profile " +
            $"'{EffectiveProfileName(profile)}' with 'aws configure', or pass the region option.");

    /// <summary>The profile the CLI would use: the explicit one, AWS_PROFILE, then <c>default</c>.</summary>
    public static string EffectiveProfileName(string? profile) => EffectiveProfileName(profile, Environment.GetEnvironmentVariable);

    /// <summary>The profile the CLI would use, with the environment given.</summary>
    internal static string EffectiveProfileName(string? profile, Func<string, string?> environment) =>
        !string.IsNullOrEmpty(profile) ? profile
        : environment("AWS_PROFILE") is { Length: > 0 } fromEnvironment ? fromEnvironment
        : "default";
}
