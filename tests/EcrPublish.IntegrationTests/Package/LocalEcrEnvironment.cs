using EcrPublish.Aws;
using EcrPublish.LocalEcr;
using EcrPublish.Testing;

namespace EcrPublish.IntegrationTests.Package;

/// <summary>What a consumer build and the test Docker engine need to work with an in-process LocalEcr.</summary>
internal static class LocalEcrEnvironment
{
    /// <summary>LocalEcr's default credentials and region, with no endpoint or profile leaking in from the machine.</summary>
    public static Dictionary<string, string?> For(LocalEcrServer localEcr) => new()
    {
        ["AWS_ACCESS_KEY_ID"] = localEcr.Options.AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = localEcr.Options.SecretAccessKey,
        ["AWS_REGION"] = localEcr.Options.Region,
        ["AWS_ENDPOINT_URL"] = null,
        ["AWS_ENDPOINT_URL_ECR"] = null,
        ["AWS_PROFILE"] = null,
    };

    /// <summary>The registry password from GetAuthorizationToken, as 'aws ecr get-login-password' prints it.</summary>
    public static async Task<string> LoginPasswordAsync(LocalEcrServer localEcr)
    {
        using var ecr = new EcrApiClient(new EcrClientOptions
        {
            Region = localEcr.Options.Region,
            ServiceUrl = localEcr.Endpoint,
            Credentials = new Amazon.Runtime.BasicAWSCredentials(localEcr.Options.AccessKeyId, localEcr.Options.SecretAccessKey),
        });
        return (await ecr.GetRegistryCredentialsAsync()).Password;
    }

    /// <summary>Logs a throw-away Docker config into LocalEcr and pulls <paramref name="image"/> into the test engine.</summary>
    public static async Task PullAsync(LocalEcrServer localEcr, string image)
    {
        var config = Path.Combine(TestEnvironment.WorkDirectory, "docker-config-" + Guid.NewGuid().ToString("N"));
        try
        {
            string[] docker = ["--config", config, "-H", TestEnvironment.DockerHost];
            (await ProcessRunner.RunAsync(TestEnvironment.Docker, [.. docker, "login", "-u", "AWS", "--password-stdin", localEcr.RegistryHost],
                standardInput: await LoginPasswordAsync(localEcr))).EnsureSuccess();
            (await ProcessRunner.RunAsync(TestEnvironment.Docker, [.. docker, "pull", "-q", image], timeout: TimeSpan.FromMinutes(3))).EnsureSuccess();
        }
        finally
        {
            if (Directory.Exists(config))
            {
                Directory.Delete(config, recursive: true);
            }
        }
    }
}
