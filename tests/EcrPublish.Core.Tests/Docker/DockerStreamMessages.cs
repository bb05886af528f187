using System.Text.Json;
using Docker.DotNet.Models;

namespace EcrPublish.Core.Tests.Docker;

/// <summary>Builds the JSON messages the engine streams, in the shapes Docker.DotNet deserializes them to.</summary>
internal static class DockerStreamMessages
{
    public static JSONMessage Stream(string text) => new() { Stream = text };

    public static JSONMessage Status(string status, string? id = null, long? current = null, long? total = null) =>
        new() { Status = status, ID = id, Progress = current is null && total is null ? null : new JSONProgress { Current = current, Total = total } };

    public static JSONMessage Error(string message) => new() { Error = new JSONError { Message = message } };

    public static JSONMessage Aux(params (string Name, object Value)[] values)
    {
        var aux = new ObjectExtensionData { ExtensionData = new Dictionary<string, object>() };
        foreach (var (name, value) in values)
        {
            aux.ExtensionData[name] = JsonDocument.Parse(JsonSerializer.Serialize(value)).RootElement.Clone();
        }

        return new JSONMessage { Aux = aux };
    }
}
