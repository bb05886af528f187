namespace EcrPublish.Aws;

/// <summary>
/// Picks the ECR and STS endpoint URLs like the AWS CLI v2: an explicit URL, then the configured one
/// (AWS_ENDPOINT_URL_&lt;SERVICE&gt;, AWS_ENDPOINT_URL, the profile's <c>[services]</c> section, the profile's
/// <c>endpoint_url</c>; see <see cref="ConfiguredEndpointUrl"/>), then the partition's template with the FIPS and
/// dual-stack variants of the ECR endpoint rule set. The profile is the options' one, else AWS_PROFILE, else <c>default</c>.
/// </summary>
public static class AwsEndpointResolver
{
    /// <summary>The ECR API endpoint, e.g. https://api.ecr.eu-west-1.amazonaws.com.</summary>
    public static Uri ResolveEcr(string region, EcrClientOptions options) => ResolveEcr(region, options, Environment.GetEnvironmentVariable, AwsConfigFile.Load);

    /// <summary>The STS endpoint, e.g. https://sts.eu-west-1.amazonaws.com.</summary>
    public static Uri ResolveSts(string region, EcrClientOptions options) => ResolveSts(region, options, Environment.GetEnvironmentVariable, AwsConfigFile.Load);

    /// <summary>
    /// The KMS endpoint the user configured (AWS_ENDPOINT_URL_KMS, AWS_ENDPOINT_URL, the profile's <c>[services]</c>
    /// <c>kms</c> entry or <c>endpoint_url</c>), or null for the AWS SDK's regional (FIPS) endpoint.
    /// </summary>
    public static Uri? ConfiguredKms(string? profile) => ConfiguredKms(profile, Environment.GetEnvironmentVariable, AwsConfigFile.Load);

    /// <summary>The configured KMS endpoint, with the environment and the config file given (for tests).</summary>
    internal static Uri? ConfiguredKms(string? profile, Func<string, string?> environment, Func<string, AwsConfigFile> loadConfig) =>
        ConfiguredEndpointUrl.Find("KMS", AwsRegionResolver.EffectiveProfileName(profile, environment), environment, () => loadConfig(AwsConfigFile.DefaultPath(environment)));

    /// <summary>The ECR endpoint, with the environment and the config file given (for tests).</summary>
    internal static Uri ResolveEcr(string region, EcrClientOptions options, Func<string, string?> environment, Func<string, AwsConfigFile> loadConfig)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Resolve(region, options.ServiceUrl, "ECR", options, environment, loadConfig, (partition, fips, dualStack) => (fips, dualStack) switch
        {
            (false, false) => $"https://api.ecr.{region}.{partition.DnsSuffix}",
            (true, false) => $"https://api.ecr-fips.{region}.{partition.DnsSuffix}",
            (false, true) => $"https://ecr.{region}.{partition.DualStackDnsSuffix}",
            (true, true) => $"https://ecr-fips.{region}.{partition.DualStackDnsSuffix}",
        });
    }

    /// <summary>The regional STS endpoint, with the environment and the config file given (for tests).</summary>
    internal static Uri ResolveSts(string region, EcrClientOptions options, Func<string, string?> environment, Func<string, AwsConfigFile> loadConfig)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Resolve(region, options.StsServiceUrl, "STS", options, environment, loadConfig, (partition, fips, dualStack) => (fips, dualStack) switch
        {
            (false, false) => $"https://sts.{region}.{partition.DnsSuffix}",
            (true, false) => $"https://sts-fips.{region}.{partition.DnsSuffix}",
            (false, true) => $"https://sts.{region}.{partition.DualStackDnsSuffix}",
            (true, true) => $"https://sts-fips.{region}.{partition.DualStackDnsSuffix}",
        });
    }

    private static Uri Resolve(
        string region,
        Uri? explicitUrl,
        string serviceId,
        EcrClientOptions options,
        Func<string, string?> environment,
        Func<string, AwsConfigFile> loadConfig,
        Func<AwsPartition, bool, bool, string> template)
    {
        var fips = options.UseFips ?? IsTrue(environment("AWS_USE_FIPS_ENDPOINT"));
        var dualStack = options.UseDualStack ?? IsTrue(environment("AWS_USE_DUALSTACK_ENDPOINT"));
        var profile = AwsRegionResolver.EffectiveProfileName(options.Profile, environment);
        var custom = explicitUrl ?? ConfiguredEndpointUrl.Find(serviceId, profile, environment, () => loadConfig(AwsConfigFile.DefaultPath(environment)));
        if (custom is not null)
        {
            if (options.UseFips == true || options.UseDualStack == true)
            {
                throw new EcrClientException(
                    AwsClientErrorCodes.InvalidEndpoint,
                    $"FIPS and dual-stack cannot be combined with a custom {serviceId} endpoint ({custom}). Remove one of them.");
            }

            return custom;
        }

        if (string.IsNullOrWhiteSpace(region))
        {
            throw new EcrClientException(AwsClientErrorCodes.NoRegion, "No AWS region is configured. Set AWS_REGION or pass the region option.");
        }

        return new Uri(template(AwsPartition.ForRegion(region), fips, dualStack));
    }

    private static bool IsTrue(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
}
