namespace EcrPublish.IntegrationTests.Aws;

/// <summary>One HTTP request as <see cref="LoopbackHttpServer"/> received it.</summary>
internal sealed record RecordedRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"header {name} was not sent");
}
