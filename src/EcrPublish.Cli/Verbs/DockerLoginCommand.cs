using System.Diagnostics;
using EcrPublish.Cli.Arguments;
using EcrPublish.Cli.Execution;

namespace EcrPublish.Cli.Verbs;

/// <summary>
/// <c>dotnet ecr login [--registry-id ID] [--registry HOST]</c>: the cheat sheet's
/// <c>get-login-password | docker login --username AWS --password-stdin HOST</c> in one command. The password
/// goes to docker's standard input only; it is never printed, logged or put on a command line.
/// </summary>
internal sealed class DockerLoginCommand(OperationCaller caller, TextWriter output, TextWriter error, Func<string, string?> environment)
{
    private static readonly HashSet<string> s_valued = ["--registry-id", "--registry", "--docker"];

    public const string Help =
        "NAME\n    login\n\nDESCRIPTION\n" +
        "    Logs Docker in to the ECR registry with a fresh 12-hour token: the\n" +
        "    password is passed to 'docker login --password-stdin' and never shown.\n" +
        "    --registry overrides the registry host taken from the token's\n" +
        "    proxyEndpoint (for emulators); --docker names the docker executable.\n\n" +
        "SYNOPSIS\n    login\n    [--registry-id <value>]\n    [--registry <host[:port]>]\n    [--docker <path>]\n\n" +
        "EXAMPLES\n    # Get login password and authenticate Docker\n" +
        "    dotnet ecr login --region us-east-1\n\n" +
        "    # For a specific profile\n" +
        "    dotnet ecr login --region us-east-1 --profile production\n";

    public async Task<int> RunAsync(IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        var options = VerbOptions.Parse(words, s_valued, new HashSet<string>());
        var token = await EcrTokenReader.ReadAsync(caller, options.Value("--registry-id"), cancellationToken).ConfigureAwait(false);
        var registry = options.Value("--registry") ?? token.RegistryHost;
        var docker = options.Value("--docker") ?? environment("DOCKER_CLI_PATH") ?? "docker";
        return await RunDockerLoginAsync(docker, token.Username, token.Password, registry, cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> RunDockerLoginAsync(string docker, string username, string password, string registry, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(docker)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "login", "--username", username, "--password-stdin", registry })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("no process");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new CliConfigurationException($"{CliErrorCodes.DockerNotFound}: could not run '{docker}' ({e.Message}). Install the Docker CLI or pass --docker PATH.", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.StandardInput.WriteAsync(password.AsMemory(), cancellationToken).ConfigureAwait(false);
            process.StandardInput.Close();
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            output.Write(await stdout.ConfigureAwait(false));
            error.Write(await stderr.ConfigureAwait(false));
            return process.ExitCode;
        }
    }
}
