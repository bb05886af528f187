using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using EcrPublish.Testing;

namespace EcrPublish.IntegrationTests.Registry;

/// <summary>
/// A small HTTP/1.1 forwarding proxy on 127.0.0.1 in front of the test registry. It records every
/// request (to count requests and bytes) and lets a test inject faults: error answers, 429 with
/// Retry-After, connections broken in the middle of a body, ECR-style status codes.
/// Requests must carry Content-Length (ours always do).
/// </summary>
internal sealed class RegistryProxy : IAsyncDisposable
{
    private readonly HttpClient _upstream;
    private readonly string _upstreamHost;
    private readonly LoopbackListener _listener;

    public RegistryProxy(string upstreamHost, Func<ProxiedRequest, ProxyAction>? decide = null)
    {
        _upstreamHost = upstreamHost;
        Decide = decide ?? (_ => ProxyAction.Forward);
        _upstream = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None });
        _listener = new LoopbackListener(ServeAsync);
    }

    /// <summary>host:port clients use instead of the registry.</summary>
    public string Address => $"127.0.0.1:{_listener.Port}";

    public Func<ProxiedRequest, ProxyAction> Decide { get; set; }

    public ConcurrentQueue<ProxiedRequest> Requests { get; } = new();

    /// <summary>Reads request bodies no faster than this (a slow uplink); null for full speed.</summary>
    public long? BodyBytesPerSecond { get; set; }

    public void Reset() => Requests.Clear();

    private async Task ServeAsync(TcpClient connection, CancellationToken stopping)
    {
        var stream = connection.GetStream();
        try
        {
            while (!stopping.IsCancellationRequested && await ServeOneAsync(stream, stopping))
            {
            }
        }
        catch (HttpRequestException)
        {
            // The registry went away under the proxy: the client sees its connection end.
        }
    }

    private async Task<bool> ServeOneAsync(NetworkStream stream, CancellationToken stopping)
    {
        var head = await ReadHeadAsync(stream);
        if (head is null)
        {
            return false;
        }

        var lines = head.Split("\r\n");
        var requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1).Where(line => line.Length > 0))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
        }

        var length = headers.TryGetValue("content-length", out var lengthText) ? long.Parse(lengthText, CultureInfo.InvariantCulture) : 0;
        var request = new ProxiedRequest(requestLine[0], requestLine[1], headers, length);
        Requests.Enqueue(request);
        var action = Decide(request);

        if (action.AbortAfterBodyBytes is { } abortAfter)
        {
            await ReadBodyAsync(stream, Math.Min(abortAfter, length), stopping);
            return false;
        }

        if (action.StallAfterBodyBytes is { } stallAfter)
        {
            await ReadBodyAsync(stream, Math.Min(stallAfter, length), stopping);
            await Task.Delay(Timeout.Infinite, stopping);
        }

        var body = await ReadBodyAsync(stream, length, stopping);
        if (action.Status is { } status)
        {
            await WriteResponseAsync(stream, (int)status, action.Headers, Encoding.UTF8.GetBytes(action.Body), request.Method == "HEAD", action.StallAnswerAfterBytes);
            if (action.StallAnswerAfterBytes is not null)
            {
                await Task.Delay(Timeout.Infinite, stopping);
            }

            return true;
        }

        using var upstreamRequest = new HttpRequestMessage(new HttpMethod(request.Method), $"http://{_upstreamHost}{request.PathAndQuery}");
        if (request.Method is not ("GET" or "HEAD") || body.Length > 0)
        {
            upstreamRequest.Content = new ByteArrayContent(body);
        }

        foreach (var (name, value) in headers)
        {
            if (name is "host" or "content-length" or "connection" or "transfer-encoding")
            {
                continue;
            }

            if (!upstreamRequest.Headers.TryAddWithoutValidation(name, value))
            {
                upstreamRequest.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        // The registry builds Location URLs from Host: keep the proxy's so the client stays behind it.
        upstreamRequest.Headers.Host = headers.GetValueOrDefault("host", Address);
        using var response = await _upstream.SendAsync(upstreamRequest, stopping);
        var responseBody = await response.Content.ReadAsByteArrayAsync(stopping);
        var responseHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            responseHeaders[name] = string.Join(", ", values);
        }

        var code = (int)response.StatusCode;
        if (action.RewriteSuccessStatus is { } rewritten && response.IsSuccessStatusCode)
        {
            code = (int)rewritten;
        }

        await WriteResponseAsync(stream, code, responseHeaders, responseBody, request.Method == "HEAD");
        return true;
    }

    private static async Task<string?> ReadHeadAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one) == 0)
            {
                return null;
            }

            buffer.Add(one[0]);
            var n = buffer.Count;
            if (n >= 4 && buffer[n - 4] == '\r' && buffer[n - 3] == '\n' && buffer[n - 2] == '\r' && buffer[n - 1] == '\n')
            {
                return Encoding.ASCII.GetString(buffer.ToArray(), 0, n - 4);
            }
        }
    }

    private async Task<byte[]> ReadBodyAsync(NetworkStream stream, long length, CancellationToken stopping)
    {
        var body = new byte[length];
        var read = 0;
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (read < length)
        {
            var count = await stream.ReadAsync(body.AsMemory(read, (int)Math.Min(64 * 1024, length - read)), stopping);
            if (count == 0)
            {
                throw new IOException("client closed mid-body");
            }

            read += count;
            if (BodyBytesPerSecond is { } rate && TimeSpan.FromSeconds((double)read / rate) - started.Elapsed is { } ahead && ahead > TimeSpan.Zero)
            {
                await Task.Delay(ahead, stopping);
            }
        }

        return body;
    }

    private static async Task WriteResponseAsync(NetworkStream stream, int status, IReadOnlyDictionary<string, string> headers, byte[] body, bool isHead, long? bodyBytesToSend = null)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} X\r\n");
        foreach (var (name, value) in headers)
        {
            if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) || name.Equals("Connection", StringComparison.OrdinalIgnoreCase) ||
                (!isHead && name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            text.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        if (!isHead)
        {
            text.Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n");
        }
        else if (!headers.Keys.Any(name => name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)))
        {
            text.Append("Content-Length: 0\r\n");
        }

        text.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(text.ToString()));
        if (!isHead)
        {
            await stream.WriteAsync(body.AsMemory(0, (int)Math.Min(body.Length, bodyBytesToSend ?? body.Length)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _listener.DisposeAsync();
        _upstream.Dispose();
    }
}
