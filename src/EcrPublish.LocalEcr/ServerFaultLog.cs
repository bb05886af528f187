using Microsoft.AspNetCore.Http;

namespace EcrPublish.LocalEcr;

/// <summary>
/// Where a request that LocalEcr could not serve is recorded: always on stderr, with or without <c>--log</c>, so every
/// 500 has its exception beside it.
/// </summary>
internal static class ServerFaultLog
{
    public const string ClientMessage = "ECR5008: LocalEcr failed to serve this request; the exception is on LocalEcr's standard error. Please report it.";

    public static void Write(HttpContext context, Exception error) =>
        Console.Error.WriteLine($"LocalEcr: 500 for {context.Request.Method} {context.Request.Path}: {error}");
}
