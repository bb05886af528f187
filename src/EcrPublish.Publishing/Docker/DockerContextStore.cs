using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace EcrPublish.Docker;

/// <summary>
/// Reads the docker CLI's context store: config.json's <c>currentContext</c>, and for a context name its
/// endpoint in <c>contexts/meta/&lt;sha256(name)&gt;/meta.json</c> and TLS files in <c>contexts/tls/&lt;sha256(name)&gt;/docker</c>.
/// </summary>
internal sealed class DockerContextStore(string configDirectory)
{
    /// <summary>The name of the built-in context, which means "no context: use the default socket".</summary>
    public const string DefaultContextName = "default";

    /// <summary>config.json's currentContext, or null when the file or the property is absent.</summary>
    public string? ReadCurrentContextName()
    {
        var configFile = Path.Combine(configDirectory, "config.json");
        if (!File.Exists(configFile))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(configFile));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("currentContext", out var current)
                && current.ValueKind == JsonValueKind.String
                && current.GetString() is { Length: > 0 } name
                ? name
                : null;
        }
        catch (JsonException exception)
        {
            throw new DockerEngineException(DockerErrorCodes.ContextInvalid,
                $"The docker config file '{configFile}' is not valid JSON ({exception.Message}). Fix or remove it, or set DOCKER_HOST.", exception);
        }
    }

    /// <summary>The docker endpoint the named context declares.</summary>
    public DockerEndpoint ReadEndpoint(string contextName)
    {
        var hash = Hash(contextName);
        var metaFile = Path.Combine(configDirectory, "contexts", "meta", hash, "meta.json");
        var source = $"docker context '{contextName}'";
        if (!File.Exists(metaFile))
        {
            throw new DockerEngineException(DockerErrorCodes.ContextInvalid,
                $"The {source} does not exist ({metaFile} is missing). Run 'docker context ls' and select an existing context, or set DOCKER_HOST.");
        }

        string? host;
        bool skipTlsVerify;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(metaFile));
            var docker = document.RootElement.GetProperty("Endpoints").GetProperty("docker");
            host = docker.TryGetProperty("Host", out var hostElement) ? hostElement.GetString() : null;
            skipTlsVerify = docker.TryGetProperty("SkipTLSVerify", out var skip) && skip.ValueKind == JsonValueKind.True;
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new DockerEngineException(DockerErrorCodes.ContextInvalid,
                $"The metadata of the {source} ({metaFile}) has no docker endpoint: {exception.Message}", exception);
        }

        if (string.IsNullOrEmpty(host))
        {
            throw new DockerEngineException(DockerErrorCodes.ContextInvalid,
                $"The {source} declares no docker host ({metaFile}). Recreate it with 'docker context create --docker host=...'.");
        }

        var tlsDirectory = Path.Combine(configDirectory, "contexts", "tls", hash, "docker");
        var tls = File.Exists(Path.Combine(tlsDirectory, "cert.pem")) ? new DockerTlsSettings(tlsDirectory, !skipTlsVerify) : null;
        return new DockerEndpoint(DockerHostParser.Parse(host, source), source, tls);
    }

    private static string Hash(string contextName) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(contextName))).ToLowerInvariant();
}
