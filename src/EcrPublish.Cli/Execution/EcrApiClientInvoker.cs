using System.Globalization;
using System.Text.Json;
using EcrPublish.Aws;
using EcrPublish.Cli.Arguments;

namespace EcrPublish.Cli.Execution;

/// <summary>
/// The real transport: EcrPublish.Ecr's signed <see cref="EcrApiClient"/>, configured from <c>--region</c>,
/// <c>--profile</c> and <c>--endpoint-url</c>, with its errors translated to the CLI's exit code classes. With
/// <c>--debug</c>, every request and response goes to the debug log (stderr), secrets removed.
/// </summary>
internal sealed class EcrApiClientInvoker : IEcrOperationInvoker
{
    // The AWS CLI v2's default (standard retry mode): three attempts unless AWS_MAX_ATTEMPTS says otherwise.
    private const int DefaultMaxAttempts = 3;

    private readonly EcrApiClient _client;
    private readonly int _maxAttempts;

    public EcrApiClientInvoker(GlobalOptions globals, Func<string, string?> environment, TextWriter? debugLog = null)
    {
        _maxAttempts = int.TryParse(environment("AWS_MAX_ATTEMPTS"), out var attempts) && attempts > 0 ? attempts : DefaultMaxAttempts;
        try
        {
            _client = new EcrApiClient(new EcrClientOptions
            {
                Region = globals.Region,
                Profile = globals.Profile,
                ServiceUrl = globals.EndpointUrl is null ? null : EndpointUri(globals.EndpointUrl),
                MaxAttempts = _maxAttempts,
                DebugLog = globals.Debug ? debugLog : null,
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
            // Like botocore: an error without a type is named by its HTTP status; retried errors say so.
            var status = (int)e.StatusCode;
            var code = status >= 500 && e.ErrorCode == "ServerError" ? status.ToString(CultureInfo.InvariantCulture) : e.ErrorCode;
            var retried = status >= 500 || e.ErrorCode.Contains("Throttl", StringComparison.Ordinal)
                || e.ErrorCode is "TooManyRequestsException" or "RequestLimitExceeded" or "SlowDown";
            throw new EcrOperationException(code, e.ServiceMessage, operation, retried ? _maxAttempts - 1 : 0);
        }
        catch (EcrClientException e)
        {
            throw new CliTransportException(e.Message, e);
        }
    }

    public void Dispose() => _client.Dispose();

    /// <summary>
    /// <c>--endpoint-url</c> as a URI, or the AWS CLI's usage error for a value without an http or https scheme: every verb
    /// that connects checks it here, so a bad one is never silently replaced by AWS's endpoint.
    /// </summary>
    internal static Uri EndpointUri(string endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new CliUsageException($"Bad value for --endpoint-url \"{endpoint}\": scheme is missing.  Must be of the form http://<hostname>/ or https://<hostname>/");
}
