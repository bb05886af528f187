using System.Text.Json;
using EcrPublish.Aws;
using EcrPublish.Cli.Arguments;

namespace EcrPublish.Cli.Execution;

/// <summary>
/// The real transport: Core's signed <see cref="EcrApiClient"/>, configured from <c>--region</c>,
/// <c>--profile</c> and <c>--endpoint-url</c>, with its errors translated to the CLI's exit code classes.
/// </summary>
internal sealed class EcrApiClientInvoker : IEcrOperationInvoker
{
    private readonly EcrApiClient _client;

    public EcrApiClientInvoker(GlobalOptions globals)
    {
        try
        {
            _client = new EcrApiClient(new EcrClientOptions
            {
                Region = globals.Region,
                Profile = globals.Profile,
                ServiceUrl = globals.EndpointUrl is null ? null : EndpointUri(globals.EndpointUrl),
            });
        }
        catch (EcrClientException e)
        {
            throw new CliConfigurationException(e.Message, e);
        }
    }

    public async Task<JsonDocument> InvokeAsync(string operation, ReadOnlyMemory<byte> jsonBody, CancellationToken cancellationToken)
    {
        try
        {
            return await _client.InvokeAsync(operation, jsonBody, cancellationToken).ConfigureAwait(false);
        }
        catch (EcrServiceException e)
        {
            throw new EcrOperationException(e.ErrorCode, e.ServiceMessage, operation);
        }
        catch (EcrClientException e)
        {
            throw new CliTransportException(e.Message, e);
        }
    }

    public void Dispose() => _client.Dispose();

    private static Uri EndpointUri(string endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new CliUsageException($"Bad value for --endpoint-url \"{endpoint}\": scheme is missing.  Must be of the form http://<hostname>/ or https://<hostname>/");
}
