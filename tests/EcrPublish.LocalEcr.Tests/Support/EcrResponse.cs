using System.Text.Json.Nodes;

namespace EcrPublish.LocalEcr.Tests.Support;

/// <summary>A control-plane response: status code and parsed JSON body.</summary>
internal sealed record EcrResponse(int StatusCode, JsonNode? Body)
{
    public string? ErrorType => Body?["__type"]?.GetValue<string>();

    public string? Message => Body?["message"]?.GetValue<string>();

    public JsonNode Ok()
    {
        Assert.True(StatusCode == 200, $"expected 200, got {StatusCode}: {Body?.ToJsonString()}");
        return Body!;
    }
}
