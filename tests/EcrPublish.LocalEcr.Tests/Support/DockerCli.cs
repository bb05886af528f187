using EcrPublish.Testing;

namespace EcrPublish.LocalEcr.Tests.Support;

/// <summary>The docker CLI against the test engine, with its own DOCKER_CONFIG so logins never touch ~/.docker.</summary>
internal sealed class DockerCli
{
    private readonly string configDirectory = Path.Combine(TestEnvironment.WorkDirectory, "docker-config-" + Guid.NewGuid().ToString("N"));

    public DockerCli() => Directory.CreateDirectory(configDirectory);

    public Task<ProcessResult> RunAsync(IEnumerable<string> arguments, string? standardInput = null, string? workingDirectory = null, TimeSpan? timeout = null)
    {
        var all = new List<string> { "-H", TestEnvironment.DockerHost };
        all.AddRange(arguments);
        var environment = new Dictionary<string, string?>
        {
            ["DOCKER_CONFIG"] = configDirectory,
            ["DOCKER_HOST"] = null,
            ["DOCKER_BUILDKIT"] = "0",
        };
        return ProcessRunner.RunAsync(TestEnvironment.Docker, all, environment, standardInput, workingDirectory, timeout ?? TimeSpan.FromMinutes(5));
    }

    public async Task<string> RunCheckedAsync(params string[] arguments) => (await RunAsync(arguments)).EnsureSuccess().StandardOutput;

    /// <summary>Logs in to LocalEcr with a fresh GetAuthorizationToken password, as <c>aws ecr get-login-password | docker login</c> does.</summary>
    public async Task LoginAsync(LocalEcrHarness ecr) =>
        (await RunAsync(["login", "--username", "AWS", "--password-stdin", ecr.Host], await ecr.PasswordAsync())).EnsureSuccess();

    /// <summary>Pulls <paramref name="source"/> and tags it as <paramref name="target"/>.</summary>
    public async Task PullAndTagAsync(string source, string target)
    {
        await RunCheckedAsync("pull", source);
        await RunCheckedAsync("tag", source, target);
    }

    /// <summary>Removes the private DOCKER_CONFIG (and the login stored in it).</summary>
    public void DeleteConfig() => Directory.Delete(configDirectory, recursive: true);
}
