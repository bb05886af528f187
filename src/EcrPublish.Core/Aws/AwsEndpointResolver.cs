namespace EcrPublish.Aws;

/// <summary>
/// Picks the ECR and STS endpoint URLs like the AWS CLI: an explicit URL, then AWS_ENDPOINT_URL_&lt;SERVICE&gt;, then
/// AWS_ENDPOINT_URL (both ignored when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true), then the partition's template with
/// the FIPS and dual-stack variants of the ECR endpoint rule set.
/// </summary>
public static class AwsEndpointResolver
{
    /// <summary>The ECR API endpoint, e.g. https://api.ecr.eu-west-1.amazonaws.com.</summary>
    public static Uri ResolveEcr(string region, EcrClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Resolve(region, options.ServiceUrl, "ECR", options, (partition, fips, dualStack) => (fips, dualStack) switch
        {
            (false, false) => $"https://api.ecr.{region}.{partition.DnsSuffix}",
            (true, false) => $"https://api.ecr-fips.{region}.{partition.DnsSuffix}",
            (false, true) => $"https://ecr.{region}.{partition.DualStackDnsSuffix}",
            (true, true) => $"https://ecr-fips.{region}.{partition.DualStackDnsSuffix}",
        });
    }

    /// <summary>The regional STS endpoint, e.g. https://sts.eu-west-1.amazonaws.com.</summary>
    public static Uri ResolveSts(string region, EcrClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Resolve(region, options.StsServiceUrl, "STS", options, (partition, fips, dualStack) => (fips, dualStack) switch
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
        Func<AwsPartition, bool, bool, string> template)
    {
        var fips = options.UseFips ?? EnvironmentFlag("AWS_USE_FIPS_ENDPOINT");
        var dualStack = options.UseDualStack ?? EnvironmentFlag("AWS_USE_DUALSTACK_ENDPOINT");
        var custom = explicitUrl ?? ConfiguredUrl(serviceId);
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

    private static Uri? ConfiguredUrl(string serviceId)
    {
        if (EnvironmentFlag("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"))
        {
            return null;
        }

        foreach (var variable in new[] { $"AWS_ENDPOINT_URL_{serviceId}", "AWS_ENDPOINT_URL" })
        {
            if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value)
            {
                if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                {
                    throw new EcrClientException(
                        AwsClientErrorCodes.InvalidEndpoint,
                        $"{variable}='{value}' is not an absolute http(s) URL. Fix or unset it.");
                }

                return uri;
            }
        }

        return null;
    }

    private static bool EnvironmentFlag(string name) =>
        string.Equals(Environment.GetEnvironmentVariable(name), "true", StringComparison.OrdinalIgnoreCase);
}
