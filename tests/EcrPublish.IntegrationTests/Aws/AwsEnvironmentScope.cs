namespace EcrPublish.IntegrationTests.Aws;

/// <summary>
/// Gives a test a clean AWS environment: every AWS_* variable the CLI reads is cleared, HOME and the config and
/// credentials files point into a temporary directory (emptied per scope), instance metadata is off. Dispose restores
/// everything. The directory is the same for the whole run because AWSSDK.Core keeps the config file path it first saw.
/// </summary>
internal sealed class AwsEnvironmentScope : IDisposable
{
    /// <summary>Every AWS_* variable the CLI and AWSSDK.Core read (cleared by a scope), plus HOME.</summary>
    internal static readonly string[] Variables =
    [
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SECRET_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_DEFAULT_PROFILE",
        "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_WEB_IDENTITY_TOKEN_FILE",
        "AWS_ROLE_ARN", "AWS_ROLE_SESSION_NAME", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
        "AWS_CONTAINER_AUTHORIZATION_TOKEN", "AWS_EC2_METADATA_DISABLED", "AWS_EC2_METADATA_SERVICE_ENDPOINT", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_ECR",
        "AWS_ENDPOINT_URL_STS", "AWS_ENDPOINT_URL_SSO", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "AWS_USE_FIPS_ENDPOINT",
        "AWS_USE_DUALSTACK_ENDPOINT", "HOME",
    ];

    private static readonly string SharedDirectory = Path.Combine(EcrPublish.Testing.TestEnvironment.WorkDirectory, "ecrpub-aws-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> saved = Variables.ToDictionary(name => name, Environment.GetEnvironmentVariable);

    public AwsEnvironmentScope()
    {
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, ".aws"));
        foreach (var name in Variables)
        {
            Environment.SetEnvironmentVariable(name, null);
        }

        ConfigFile = Path.Combine(Directory, ".aws", "config");
        CredentialsFile = Path.Combine(Directory, ".aws", "credentials");
        File.WriteAllText(ConfigFile, string.Empty);
        File.WriteAllText(CredentialsFile, string.Empty);
        Set("HOME", Directory);
        Set("AWS_CONFIG_FILE", ConfigFile);
        Set("AWS_SHARED_CREDENTIALS_FILE", CredentialsFile);
        // Never let a test reach for 169.254.169.254.
        Set("AWS_EC2_METADATA_DISABLED", "true");
    }

    public string Directory { get; } = SharedDirectory;

    public string ConfigFile { get; }

    public string CredentialsFile { get; }

#pragma warning disable CA1822 // an instance method: only a live scope may change the environment
    public void Set(string name, string? value) => Environment.SetEnvironmentVariable(name, value);
#pragma warning restore CA1822

    public void Dispose()
    {
        foreach (var (name, value) in saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        File.WriteAllText(ConfigFile, string.Empty);
        File.WriteAllText(CredentialsFile, string.Empty);
    }
}
