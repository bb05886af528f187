namespace EcrPublish.Aws;

/// <summary>
/// The endpoint URL a user configured for one service, in the AWS CLI v2's order: AWS_ENDPOINT_URL_&lt;SERVICE&gt;,
/// AWS_ENDPOINT_URL, <c>endpoint_url</c> of the service in the profile's <c>[services name]</c> section, then the
/// profile's own <c>endpoint_url</c>. None of them counts when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS (or else the
/// profile's <c>ignore_configured_endpoint_urls</c>) is true.
/// </summary>
internal static class ConfiguredEndpointUrl
{
    /// <summary>Returns the configured URL, null when none is configured, or throws ECR2005 for an unusable one.</summary>
    /// <param name="serviceId">The service id as in the variable name: <c>ECR</c>, <c>STS</c>.</param>
    /// <param name="profileName">The effective profile (explicit, AWS_PROFILE or <c>default</c>).</param>
    /// <param name="environment">Reads an environment variable.</param>
    /// <param name="loadConfig">Reads the shared config file (not called when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true).</param>
    public static Uri? Find(string serviceId, string profileName, Func<string, string?> environment, Func<AwsConfigFile> loadConfig)
    {
        ArgumentNullException.ThrowIfNull(serviceId);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(loadConfig);
        // The config file is read only when needed: when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is unset, the profile's
        // ignore_configured_endpoint_urls decides whether even the environment variables count.
        var config = new Lazy<AwsConfigFile>(loadConfig);
        var profile = new Lazy<IReadOnlyDictionary<string, string>?>(() => config.Value.Profile(profileName));
        var ignore = environment("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS") is { Length: > 0 } ignoreVariable
            ? IsTrue(ignoreVariable)
            : profile.Value?.GetValueOrDefault("ignore_configured_endpoint_urls") is { } ignoreSetting && IsTrue(ignoreSetting);
        if (ignore)
        {
            return null;
        }

        foreach (var variable in new[] { "AWS_ENDPOINT_URL_" + serviceId.ToUpperInvariant(), "AWS_ENDPOINT_URL" })
        {
            if (environment(variable) is { Length: > 0 } value)
            {
                return Parse(value, variable);
            }
        }

        return FromConfig(serviceId.ToLowerInvariant(), profileName, profile.Value, config.Value);
    }

    private static Uri? FromConfig(string serviceKey, string profileName, IReadOnlyDictionary<string, string>? profile, AwsConfigFile config)
    {
        if (profile is null)
        {
            return null;
        }

        if (profile.GetValueOrDefault("services") is { Length: > 0 } servicesName)
        {
            var services = config.ServicesSection(servicesName) ?? throw new EcrClientException(
                AwsClientErrorCodes.InvalidEndpoint,
                $"The profile '{profileName}' in {config.Path} says 'services = {servicesName}' but there is no [services {servicesName}] section. " +
                "Add the section or remove the 'services' line.");
            if (services.GetValueOrDefault(serviceKey + ".endpoint_url") is { Length: > 0 } serviceUrl)
            {
                return Parse(serviceUrl, $"endpoint_url of '{serviceKey}' in [services {servicesName}] of {config.Path}");
            }
        }

        return profile.GetValueOrDefault("endpoint_url") is { Length: > 0 } profileUrl
            ? Parse(profileUrl, $"endpoint_url of the profile '{profileName}' in {config.Path}")
            : null;
    }

    private static Uri Parse(string value, string source) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new EcrClientException(
                AwsClientErrorCodes.InvalidEndpoint,
                $"{source} = '{value}' is not an absolute http(s) URL. Fix or remove it.");

    private static bool IsTrue(string value) => string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
