using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace EcrPublish.Http;

/// <summary>
/// Logs every request and response that passes through it, as the AWS CLI's <c>--debug</c> does: method, URL, headers
/// and (small, textual) bodies, then status, headers and body of the response, each line stamped and named
/// <c>ecrpublish.http</c>. Secrets are removed first (<see cref="HttpDebugRedactor"/>). Binary bodies (layers) and
/// streamed bodies are described by size only, so logging never reads or buffers what it should not.
/// </summary>
public sealed class HttpDebugLogHandler : DelegatingHandler
{
    private const int MaxBodyCharacters = 16 * 1024;
    private const long MaxBufferedBytes = 1 << 20;

    private readonly TextWriter _log;
    private readonly TimeProvider _clock;

    public HttpDebugLogHandler(TextWriter log, HttpMessageHandler inner, TimeProvider? clock = null)
        : base(inner)
    {
        _log = log;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary><paramref name="inner"/> itself without a log, or wrapped in a logging handler.</summary>
    public static HttpMessageHandler Wrap(HttpMessageHandler inner, TextWriter? log) => log is null ? inner : new HttpDebugLogHandler(log, inner);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var entry = new StringBuilder();
        Line(entry, $"Request: {request.Method} {HttpDebugRedactor.Url(request.RequestUri?.ToString() ?? "")}");
        Line(entry, "Request headers: " + Headers(request.Headers, request.Content?.Headers));
        Line(entry, "Request body: " + await BodyAsync(request.Content, isResponse: false, cancellationToken).ConfigureAwait(false));
        Write(entry);

        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Line(entry, $"Request failed after {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms: {exception.GetType().Name}: {exception.Message}");
            Write(entry);
            throw;
        }

        Line(entry, $"Response: {(int)response.StatusCode} {response.ReasonPhrase} for {request.Method} {HttpDebugRedactor.Url(request.RequestUri?.ToString() ?? "")} ({Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms)");
        Line(entry, "Response headers: " + Headers(response.Headers, response.Content.Headers));
        Line(entry, "Response body: " + await BodyAsync(response.Content, isResponse: true, cancellationToken).ConfigureAwait(false));
        Write(entry);
        return response;
    }

    private static string Headers(HttpHeaders headers, HttpHeaders? contentHeaders) =>
        "{" + string.Join(", ", headers.Concat(contentHeaders ?? (IEnumerable<KeyValuePair<string, IEnumerable<string>>>)[])
            .Select(header => $"'{header.Key}': '{HttpDebugRedactor.HeaderValue(header.Key, string.Join(", ", header.Value))}'")) + "}";

    private static async Task<string> BodyAsync(HttpContent? content, bool isResponse, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return "(none)";
        }

        var mediaType = content.Headers.ContentType?.MediaType ?? "";
        var length = content.Headers.ContentLength;
        var isJson = mediaType.Contains("json", StringComparison.OrdinalIgnoreCase);
        var isForm = mediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
        // A request body is read only when it is in memory already; a response body only when it is JSON (an API answer, a
        // manifest, an error, a token), which the caller reads whole anyway. Layers and other blobs are never read here.
        var readable = (isJson || isForm) && (length is null || length <= MaxBufferedBytes) && (isResponse || content is ByteArrayContent);
        if (!readable)
        {
            return length is null ? $"<{Describe(mediaType)}, streamed>" : $"<{length.Value.ToString(CultureInfo.InvariantCulture)} bytes of {Describe(mediaType)}>";
        }

        await content.LoadIntoBufferAsync().ConfigureAwait(false);
        var text = await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (text.Length == 0)
        {
            return "(empty)";
        }

        var redacted = isForm ? HttpDebugRedactor.Form(text) : HttpDebugRedactor.Json(text);
        return redacted is null
            ? $"<{text.Length.ToString(CultureInfo.InvariantCulture)} characters that are not JSON>"
            : redacted.Length > MaxBodyCharacters ? redacted[..MaxBodyCharacters] + $"... ({redacted.Length.ToString(CultureInfo.InvariantCulture)} characters)" : redacted;
    }

    private static string Describe(string mediaType) => mediaType.Length == 0 ? "no content type" : mediaType;

    private void Line(StringBuilder entry, string message) =>
        entry.Append(_clock.GetLocalNow().ToString("yyyy-MM-dd HH:mm:ss,fff", CultureInfo.InvariantCulture)).Append(" - ecrpublish.http - DEBUG - ").Append(message).Append('\n');

    // One write per entry, so parallel requests (layer uploads) never interleave within a line.
    private void Write(StringBuilder entry)
    {
        lock (_log)
        {
            _log.Write(entry.ToString());
            _log.Flush();
        }

        entry.Clear();
    }
}
