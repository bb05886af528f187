using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Amazon.Runtime;
using EcrPublish.Aws.Model;

namespace EcrPublish.Aws;

/// <summary>
/// A signed awsJson1_1 client for the Amazon ECR API. Credentials, region and endpoint are resolved like the AWS CLI
/// (see <see cref="EcrClientOptions"/>); every call is validated first, signed per attempt, retried on throttling,
/// 5xx and connection failures, and fails with <see cref="EcrServiceException"/> or <see cref="EcrClientException"/>.
/// </summary>
public sealed partial class EcrApiClient : IDisposable
{
    private const string TargetPrefix = "AmazonEC2ContainerRegistry_V20150921.";
    private const string JsonContentType = "application/x-amz-json-1.1";
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    private readonly HttpClient http;
    private readonly bool ownsHttp;
    private readonly AwsSignedTransport transport;

    /// <summary>Creates a client; throws ECR2001-ECR2005 when credentials, region or endpoint cannot be resolved.</summary>
    public EcrApiClient(EcrClientOptions? options = null, HttpMessageHandler? handler = null)
    {
        Options = options ?? new EcrClientOptions();
        Region = AwsRegionResolver.Resolve(Options.Region, Options.Profile);
        Endpoint = AwsEndpointResolver.ResolveEcr(Region, Options);
        Credentials = Options.Credentials ?? AwsCredentialsResolver.Resolve(Options.Profile);
        ownsHttp = true;
        // Redirects would re-send a signed request to a host it was not signed for.
        var network = handler ?? new SocketsHttpHandler { AllowAutoRedirect = false };
        http = new HttpClient(Http.HttpDebugLogHandler.Wrap(network, Options.DebugLog), disposeHandler: handler is null)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        transport = new AwsSignedTransport(http, Credentials, Options);
    }

    /// <summary>The options this client was built from.</summary>
    public EcrClientOptions Options { get; }

    /// <summary>The resolved region, e.g. <c>eu-west-1</c>.</summary>
    public string Region { get; }

    /// <summary>The resolved ECR API endpoint.</summary>
    public Uri Endpoint { get; }

    /// <summary>The resolved credentials (never printed).</summary>
    public AWSCredentials Credentials { get; }

    /// <summary>The clock correction applied to signatures, learned from the responses' Date header.</summary>
    public TimeSpan ClockSkew => transport.Skew.Offset;

    /// <summary>
    /// Calls any ECR operation with a raw JSON body (validated only by the service) and returns the raw JSON
    /// response, with the same signing, retries and errors as the typed methods.
    /// </summary>
    public async Task<JsonDocument> InvokeAsync(string operation, ReadOnlyMemory<byte> jsonBody, CancellationToken cancellationToken = default)
    {
        EcrRequestValidator.Required(operation, "operation");
        var body = jsonBody.IsEmpty ? EmptyObject : jsonBody.ToArray();
        var response = await SendAsync(operation, body, cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonDocument.Parse(response.Body.Length == 0 ? EmptyObject : response.Body);
        }
        catch (JsonException exception)
        {
            throw Malformed(operation, response, exception);
        }
    }

    /// <summary>Finds the account of the caller through STS GetCallerIdentity (for when no registry id is given).</summary>
    public Task<StsCallerIdentity> GetCallerIdentityAsync(CancellationToken cancellationToken = default) =>
        new StsApiClient(transport, AwsEndpointResolver.ResolveSts(Region, Options), Region).GetCallerIdentityAsync(cancellationToken);

    /// <summary>Returns the given account id (validated), or asks STS whose credentials these are.</summary>
    public async Task<string> ResolveAccountIdAsync(string? accountId, CancellationToken cancellationToken = default)
    {
        if (!string.IsNullOrEmpty(accountId))
        {
            EcrRequestValidator.RegistryId(accountId);
            return accountId;
        }

        return (await GetCallerIdentityAsync(cancellationToken).ConfigureAwait(false)).Account;
    }

    public void Dispose()
    {
        if (ownsHttp)
        {
            http.Dispose();
        }
    }

    private async Task<TResponse> InvokeAsync<TRequest, TResponse>(
        string operation,
        TRequest request,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, requestType);
        var response = await SendAsync(operation, body, cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize(response.Body.Length == 0 ? EmptyObject : response.Body, responseType)
                ?? throw new JsonException("null response");
        }
        catch (JsonException exception)
        {
            throw Malformed(operation, response, exception);
        }
    }

    private Task<AwsHttpResponse> SendAsync(string operation, byte[] body, CancellationToken cancellationToken)
    {
        var request = new AwsHttpRequest(
            operation,
            Endpoint,
            "ecr",
            Region,
            JsonContentType,
            new Dictionary<string, string> { ["X-Amz-Target"] = TargetPrefix + operation },
            body);
        return transport.SendAsync(request, AwsJsonErrorReader.Instance, cancellationToken);
    }

    private static EcrClientException Malformed(string operation, AwsHttpResponse response, Exception exception) =>
        new(
            AwsClientErrorCodes.MalformedResponse,
            $"{operation} returned a response that is not valid ECR JSON (HTTP {(int)response.StatusCode}, {response.ContentType}): " +
            $"{exception.Message} Check that the endpoint is really ECR.",
            exception);

    private static EcrJsonContext Json => EcrJsonContext.Default;
}
