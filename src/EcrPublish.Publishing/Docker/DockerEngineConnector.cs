using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using Docker.DotNet;

namespace EcrPublish.Docker;

/// <summary>Connects to the first endpoint whose engine answers a ping; reports every attempt when none does.</summary>
public sealed class DockerEngineConnector
{
    // Docker.DotNet's own unix endpoint keeps room for POSIX's smallest sun_path (92 bytes, with the terminator)
    // and throws ArgumentOutOfRangeException beyond it, so a long path is reported like any unreachable engine.
    private const int MaxSocketPathBytes = 90;

    private readonly TimeSpan _pingTimeout;

    /// <param name="pingTimeout">How long one endpoint may take to answer (default 10 seconds).</param>
    public DockerEngineConnector(TimeSpan? pingTimeout = null)
    {
        _pingTimeout = pingTimeout ?? TimeSpan.FromSeconds(10);
    }

    /// <summary>Discovers the engine from the process environment and connects to it.</summary>
    public Task<DockerEngineConnection> ConnectAsync(CancellationToken cancellationToken = default) =>
        ConnectAsync(new DockerEndpointResolver(DockerEnvironment.FromProcess()).ResolveCandidates(), cancellationToken);

    /// <summary>Connects to the first of <paramref name="candidates"/> that answers.</summary>
    public async Task<DockerEngineConnection> ConnectAsync(IReadOnlyList<DockerEndpoint> candidates, CancellationToken cancellationToken = default)
    {
        var attempts = new List<string>();
        foreach (var endpoint in candidates)
        {
            if (endpoint.Uri.Scheme == "unix" && !File.Exists(endpoint.Uri.AbsolutePath))
            {
                attempts.Add($"{endpoint.Describe()}: the socket does not exist");
                continue;
            }

            if (endpoint.Uri.Scheme == "unix" && Encoding.UTF8.GetByteCount(endpoint.Uri.AbsolutePath) > MaxSocketPathBytes)
            {
                attempts.Add($"{endpoint.Describe()}: the socket path is longer than the {MaxSocketPathBytes} bytes the Docker client accepts (link it from a shorter path)");
                continue;
            }

            var client = DockerClientFactory.Create(endpoint);
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(_pingTimeout);
                await client.System.PingAsync(timeout.Token).ConfigureAwait(false);
                var version = await client.System.GetVersionAsync(timeout.Token).ConfigureAwait(false);
                return new DockerEngineConnection(client, endpoint, version.Version ?? "unknown", version.APIVersion ?? "unknown")
                {
                    Os = version.Os,
                    Architecture = version.Arch,
                };
            }
            catch (Exception exception) when (IsUnreachable(exception) && !cancellationToken.IsCancellationRequested)
            {
                client.Dispose();
                attempts.Add($"{endpoint.Describe()}: {Innermost(exception).Message}" +
                    (IsTlsRejection(exception) ? " (the server's certificate is not signed by the ca.pem in use)" : string.Empty));
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }

        throw new DockerEngineException(DockerErrorCodes.EngineUnreachable,
            "No Docker engine is reachable. Tried: " + string.Join("; ", attempts) + ". " +
            "Start Docker (or Podman's socket: systemctl --user start podman.socket), or point DOCKER_HOST or the docker context at a running engine.");
    }

    private static bool IsUnreachable(Exception exception) =>
        exception is HttpRequestException or SocketException or IOException or TimeoutException or OperationCanceledException or DockerApiException
            or AuthenticationException
        || (exception is AggregateException aggregate && aggregate.InnerExceptions.All(IsUnreachable));

    private static bool IsTlsRejection(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is AuthenticationException)
            {
                return true;
            }
        }

        return false;
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is { } inner)
        {
            exception = inner;
        }

        return exception;
    }
}
