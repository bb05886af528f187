namespace EcrPublish.IntegrationTests.Aws;

/// <summary>What <see cref="LoopbackHttpServer"/> does with a request: answer it, or reset the connection.</summary>
internal sealed record ServerReply(int Status, string Body, IReadOnlyDictionary<string, string> Headers, bool ResetConnection = false)
{
    public static ServerReply Reset { get; } = new(0, string.Empty, new Dictionary<string, string>(), ResetConnection: true);

    public static ServerReply Json(int status, string body, params (string Name, string Value)[] headers)
    {
        var all = headers.ToDictionary(header => header.Name, header => header.Value, StringComparer.OrdinalIgnoreCase);
        all["Content-Type"] = "application/x-amz-json-1.1";
        all.TryAdd("x-amzn-RequestId", Guid.NewGuid().ToString());
        return new ServerReply(status, body, all);
    }

    public static ServerReply Error(int status, string code, string message, params (string Name, string Value)[] headers) =>
        Json(status, $$"""{"__type":"{{code}}","message":"{{message}}"}""", headers);
}
