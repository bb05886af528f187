using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace EcrPublish.Registry;

/// <summary>
/// Credentials the way <c>docker login</c> stores them: <c>credHelpers</c> (a per-registry
/// <c>docker-credential-&lt;name&gt;</c> program), then <c>auths</c> entries, then <c>credsStore</c>.
/// Reads <c>$DOCKER_CONFIG/config.json</c>, else <c>~/.docker/config.json</c>. Used for base images
/// outside ECR.
/// </summary>
/// <param name="configPath">The config.json to read; null for Docker's default location.</param>
/// <param name="helperDirectory">Where the docker-credential-* programs are; null searches PATH.</param>
public sealed class DockerConfigCredentialProvider(string? configPath = null, string? helperDirectory = null) : IRegistryCredentialProvider
{
    private readonly string _configPath = configPath ?? DefaultPath();

    public static string DefaultPath() =>
        Path.Combine(Environment.GetEnvironmentVariable("DOCKER_CONFIG") is { Length: > 0 } dir
            ? dir
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker"), "config.json");

    public async Task<RegistryCredential?> GetAsync(string registryHost, bool refresh, CancellationToken cancellationToken)
    {
        if (!File.Exists(_configPath))
        {
            return null;
        }

        var config = JsonNode.Parse(await File.ReadAllTextAsync(_configPath, cancellationToken).ConfigureAwait(false))?.AsObject();
        if (config is null)
        {
            return null;
        }

        var host = Normalize(registryHost);
        if (config["credHelpers"]?.AsObject().FirstOrDefault(pair => Normalize(pair.Key) == host).Value?.GetValue<string>() is { Length: > 0 } helper)
        {
            return await FromHelperAsync(helper, registryHost, cancellationToken).ConfigureAwait(false);
        }

        var auth = config["auths"]?.AsObject().FirstOrDefault(pair => Normalize(pair.Key) == host).Value;
        if (auth is not null && FromAuthEntry(auth) is { } stored)
        {
            return stored;
        }

        if (config["credsStore"]?.GetValue<string>() is { Length: > 0 } store)
        {
            return await FromHelperAsync(store, registryHost, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    private static RegistryCredential? FromAuthEntry(JsonNode auth)
    {
        if (auth["auth"]?.GetValue<string>() is { Length: > 0 } encoded)
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                return new RegistryCredential(decoded[..colon], decoded[(colon + 1)..]);
            }
        }

        if (auth["username"]?.GetValue<string>() is { Length: > 0 } username && auth["password"]?.GetValue<string>() is { } password)
        {
            return new RegistryCredential(username, password);
        }

        return null;
    }

    private async Task<RegistryCredential?> FromHelperAsync(string helper, string registryHost, CancellationToken cancellationToken)
    {
        var program = "docker-credential-" + helper;
        var startInfo = new ProcessStartInfo(helperDirectory is null ? program : Path.Combine(helperDirectory, program))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("get");
        Process process;
        try
        {
            process = Process.Start(startInfo) ?? throw new InvalidOperationException(program);
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new RegistryException(RegistryErrorCodes.CredentialHelperFailed,
                $"The Docker credential helper '{program}' for {registryHost} could not be started. Install it or fix credHelpers/credsStore in {DefaultPath()}.",
                innerException: exception);
        }

        using (process)
        {
            await process.StandardInput.WriteAsync(registryHost).ConfigureAwait(false);
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            var text = await output.ConfigureAwait(false);
            await errors.ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                // "credentials not found" is a normal answer: go anonymous. The helper's output is not echoed (it may hold a secret).
                return null;
            }

            var json = JsonNode.Parse(text);
            var username = json?["Username"]?.GetValue<string>();
            var secret = json?["Secret"]?.GetValue<string>();
            return username is { Length: > 0 } && secret is not null ? new RegistryCredential(username, secret) : null;
        }
    }

    // Keys look like "host", "host:port", "https://host/v1/" (Docker Hub's is index.docker.io).
    private static string Normalize(string key)
    {
        var text = key.Trim();
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            text = text[(scheme + 3)..];
        }

        text = text.Split('/')[0].ToLowerInvariant();
        return text is "index.docker.io" or "docker.io" ? "registry-1.docker.io" : text;
    }
}
