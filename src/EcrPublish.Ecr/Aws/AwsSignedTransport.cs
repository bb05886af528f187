using System.Net.Http.Headers;
using Amazon.Runtime;

namespace EcrPublish.Aws;

/// <summary>
/// Sends signed AWS API calls: signs every attempt afresh, retries throttling/5xx/connection failures with
/// backoff, corrects the clock from the response <c>Date</c> header (one extra attempt on a clock-skew error)
/// and turns error responses into <see cref="EcrServiceException"/>.
/// </summary>
internal sealed class AwsSignedTransport
{
    private readonly HttpClient http;
    private readonly AWSCredentials credentials;
    private readonly AwsRetryPolicy retryPolicy;
    private readonly TimeSpan attemptTimeout;
    private readonly TimeProvider clock;
    private readonly string? profile;

    public AwsSignedTransport(HttpClient http, AWSCredentials credentials, EcrClientOptions options)
    {
        this.http = http;
        this.credentials = credentials;
        retryPolicy = new AwsRetryPolicy(options.MaxAttempts, options.RetryBaseDelay, options.MaxRetryDelay);
        attemptTimeout = options.AttemptTimeout;
        clock = options.TimeProvider;
        profile = options.Profile;
    }

    /// <summary>The clock correction currently applied to signatures.</summary>
    public ClockSkew Skew { get; } = new();

    public async Task<AwsHttpResponse> SendAsync(AwsHttpRequest request, IAwsErrorReader errorReader, CancellationToken cancellationToken)
    {
        var skewRetryUsed = false;
        for (var attempt = 1; ; attempt++)
        {
            var keys = await AwsCredentialsResolver.GetKeysAsync(credentials, profile).ConfigureAwait(false);
            AwsHttpResponse response;
            try
            {
                response = await SendOnceAsync(request, keys, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (IsConnectionFailure(exception, cancellationToken))
            {
                if (attempt >= retryPolicy.MaxAttempts)
                {
                    throw ConnectionFailed(request, attempt, exception);
                }

                await DelayAsync(attempt, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var skewChanged = Skew.Observe(response.Headers.Date, clock.GetUtcNow());
            if (response.IsSuccess)
            {
                return response;
            }

            var error = errorReader.Read(request.Operation, response);
            if (AwsRetryPolicy.IsClockSkewError(error) && skewChanged && !skewRetryUsed)
            {
                // Not counted as an attempt: the previous one failed only because our clock is off.
                skewRetryUsed = true;
                attempt--;
                continue;
            }

            if (!AwsRetryPolicy.IsRetryable(error) || attempt >= retryPolicy.MaxAttempts)
            {
                throw error;
            }

            await DelayAsync(attempt, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<AwsHttpResponse> SendOnceAsync(AwsHttpRequest request, ImmutableCredentials keys, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, request.Endpoint);
        // ByteArrayContent + a bare media type: StringContent would append "; charset=utf-8" and break the signature.
        message.Content = new ByteArrayContent(request.Body);
        message.Content.Headers.ContentType = new MediaTypeHeaderValue(request.ContentType);
        foreach (var header in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        SigV4RequestSigner.Sign(message, request.Body, keys, request.Region, request.SigningService, clock.GetUtcNow() + Skew.Offset);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(attemptTimeout);
        using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
        return new AwsHttpResponse(response.StatusCode, response.Headers, response.Content.Headers.ContentType?.MediaType, body);
    }

    private Task DelayAsync(int attempt, CancellationToken cancellationToken) =>
        Task.Delay(retryPolicy.BackoffDelay(attempt - 1), clock, cancellationToken);

    private static bool IsConnectionFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException or IOException
        || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private static EcrClientException ConnectionFailed(AwsHttpRequest request, int attempts, Exception exception) =>
        exception is OperationCanceledException
            ? new EcrClientException(
                AwsClientErrorCodes.Timeout,
                $"{request.Operation} to {request.Endpoint} timed out {attempts} time(s). Check network access to the endpoint or raise the attempt timeout.",
                exception)
            : new EcrClientException(
                AwsClientErrorCodes.ConnectionFailed,
                $"{request.Operation} could not reach {request.Endpoint} after {attempts} attempt(s): {exception.Message} " +
                "Check the region/endpoint URL, proxy settings and network access.",
                exception);
}
