using System.Text.Json;

namespace EcrPublish.Docker;

/// <summary>Extracts the human message from an engine error response body (<c>{"message": "..."}</c>).</summary>
internal static class DockerEngineErrorMessage
{
    public static string From(string? responseBody)
    {
        if (string.IsNullOrWhiteSpace(responseBody))
        {
            return "the engine gave no reason";
        }

        try
        {
            using var document = JsonDocument.Parse(responseBody);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("message", out var message)
                && message.GetString() is { Length: > 0 } text)
            {
                return text.Trim();
            }
        }
        catch (JsonException)
        {
            // Not JSON: the body itself is the message.
        }

        return responseBody.Trim();
    }
}
