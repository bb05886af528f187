namespace EcrPublish.IntegrationTests.Aws;

/// <summary>
/// The environment of a child process that must see no AWS setting of this machine or of the test process: every
/// variable of <see cref="AwsEnvironmentScope.Variables"/> removed, HOME and the config/credentials files pointing at a
/// fresh empty directory. The test then adds exactly what the case needs.
/// </summary>
internal static class ChildProcessAwsEnvironment
{
    public static Dictionary<string, string?> Create()
    {
        var home = Path.Combine(EcrPublish.Testing.TestEnvironment.WorkDirectory, "ecrpub-child-home-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(home, ".aws"));
        var environment = AwsEnvironmentScope.Variables.ToDictionary(name => name, _ => (string?)null, StringComparer.Ordinal);
        environment["HOME"] = home;
        environment["AWS_CONFIG_FILE"] = Path.Combine(home, ".aws", "config");
        environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(home, ".aws", "credentials");
        return environment;
    }
}
