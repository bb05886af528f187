using System.Net.Http.Headers;
using System.Text;
using EcrPublish.Testing;

namespace EcrPublish.IntegrationTests.Aws;

/// <summary>
/// A <see cref="LoopbackHttpServer"/> that passes every request on to the test moto server and its answer back, so a
/// test sees exactly what a client (even one in a child process) sent while the answer is moto's real one.
/// </summary>
internal static class MotoForwarder
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false });

    public static LoopbackHttpServer Start() => new((request, _) => Forward(request));

    private static ServerReply Forward(RecordedRequest request)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(new Uri(TestEnvironment.MotoUrl), request.Target));
        var content = new ByteArrayContent(request.Body);
        foreach (var (name, value) in request.Headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                content.Headers.ContentType = MediaTypeHeaderValue.Parse(value);
            }
            else if (!name.Equals("Host", StringComparison.OrdinalIgnoreCase) && !name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        message.Content = content;
        // LoopbackHttpServer asks for the reply synchronously; the forwarder runs on the server's own task.
        using var response = Http.Send(message);
        using var reader = new StreamReader(response.Content.ReadAsStream(), Encoding.UTF8);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Content-Type"] = response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream",
        };
        return new ServerReply((int)response.StatusCode, reader.ReadToEnd(), headers);
    }
}
