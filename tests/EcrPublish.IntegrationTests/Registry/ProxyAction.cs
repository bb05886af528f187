using System.Net;

namespace EcrPublish.IntegrationTests.Registry;

/// <summary>What the proxy does with one request: forward it, answer it itself, or break the connection.</summary>
internal sealed record ProxyAction
{
    public static readonly ProxyAction Forward = new();

    public HttpStatusCode? Status { get; init; }

    public string Body { get; init; } = "";

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Close the connection after reading this many body bytes, without answering.</summary>
    public long? AbortAfterBodyBytes { get; init; }

    /// <summary>Read this many body bytes, then hold the connection open without reading or answering (a dead link).</summary>
    public long? StallAfterBodyBytes { get; init; }

    /// <summary>With <see cref="Status"/>: send the head and this many body bytes of the answer, then go silent.</summary>
    public long? StallAnswerAfterBytes { get; init; }

    /// <summary>Replace the upstream status of a successful answer (e.g. 201 for a PATCH, as ECR does).</summary>
    public HttpStatusCode? RewriteSuccessStatus { get; init; }

    public static ProxyAction Respond(HttpStatusCode status, string body = "", IReadOnlyDictionary<string, string>? headers = null) =>
        new() { Status = status, Body = body, Headers = headers ?? new Dictionary<string, string>() };

    public static ProxyAction Error(HttpStatusCode status, string code, string message, IReadOnlyDictionary<string, string>? headers = null) =>
        Respond(status, $"{{\"errors\":[{{\"code\":\"{code}\",\"message\":\"{message}\"}}]}}", headers);

    public static ProxyAction Abort(long afterBodyBytes = 0) => new() { AbortAfterBodyBytes = afterBodyBytes };

    public static ProxyAction Stall(long afterBodyBytes = 0) => new() { StallAfterBodyBytes = afterBodyBytes };
}
