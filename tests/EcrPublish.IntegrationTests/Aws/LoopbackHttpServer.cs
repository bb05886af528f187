using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using EcrPublish.Testing;

namespace EcrPublish.IntegrationTests.Aws;

/// <summary>
/// A tiny HTTP/1.1 server on 127.0.0.1 built on TcpListener, so a test can answer with exact status codes and
/// headers, reset connections, and see the raw requests (headers and body) the client really sent.
/// </summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly LoopbackListener listener;
    private readonly Func<RecordedRequest, int, ServerReply> handler;
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private int count;

    /// <param name="handler">Decides the reply from the request and its 0-based index.</param>
    public LoopbackHttpServer(Func<RecordedRequest, int, ServerReply> handler)
    {
        this.handler = handler;
        listener = new LoopbackListener(ServeAsync);
        Url = new Uri($"http://127.0.0.1:{listener.Port}/");
    }

    public Uri Url { get; }

    public IReadOnlyList<RecordedRequest> Requests => requests.ToArray();

    public ValueTask DisposeAsync() => listener.DisposeAsync();

    private async Task ServeAsync(TcpClient client, CancellationToken _)
    {
        var stream = client.GetStream();
        while (await ReadRequestAsync(stream) is { } request)
        {
            requests.Enqueue(request);
            var reply = handler(request, Interlocked.Increment(ref count) - 1);
            if (reply.ResetConnection)
            {
                client.Client.LingerState = new LingerOption(true, 0);
                client.Client.Close();
                return;
            }

            await WriteReplyAsync(stream, reply);
        }
    }

    private static async Task<RecordedRequest?> ReadRequestAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(head))
        {
            if (await stream.ReadAsync(one) == 0)
            {
                return null;
            }

            head.Add(one[0]);
        }

        var lines = Encoding.ASCII.GetString(head.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        var body = new byte[headers.TryGetValue("Content-Length", out var length) ? int.Parse(length, System.Globalization.CultureInfo.InvariantCulture) : 0];
        await stream.ReadExactlyAsync(body);
        return new RecordedRequest(requestLine[0], requestLine[1], headers, body);
    }

    private static bool EndsWithBlankLine(List<byte> data) =>
        data.Count >= 4 && data[^4] == '\r' && data[^3] == '\n' && data[^2] == '\r' && data[^1] == '\n';

    private static async Task WriteReplyAsync(NetworkStream stream, ServerReply reply)
    {
        var body = Encoding.UTF8.GetBytes(reply.Body);
        var head = new StringBuilder();
        head.Append(System.Globalization.CultureInfo.InvariantCulture, $"HTTP/1.1 {reply.Status} {(HttpStatusCode)reply.Status}\r\n");
        foreach (var (name, value) in reply.Headers)
        {
            head.Append(System.Globalization.CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        head.Append(System.Globalization.CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        await stream.WriteAsync(body);
        await stream.FlushAsync();
    }
}
