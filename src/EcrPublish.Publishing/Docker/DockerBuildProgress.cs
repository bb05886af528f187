using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Docker.DotNet.Models;

namespace EcrPublish.Docker;

/// <summary>
/// Reads the engine's build stream as it arrives: forwards the log line by line, remembers the step that is
/// running (the classic builder's <c>Step N/M : ...</c>, BuildKit's <c>#n [stage i/n] ...</c> or, behind Podman's
/// Docker-compatible API, Buildah's <c>STEP N/M: ...</c> and <c>[i/n] STEP N/M: ...</c>), the image id from
/// the aux record, and the first error. Reports run synchronously so lines keep their order.
/// </summary>
internal sealed partial class DockerBuildProgress(Action<string>? onLogLine) : IProgress<JSONMessage>
{
    private readonly StringBuilder _partialLine = new();

    /// <summary>The step running at the moment, as the engine named it.</summary>
    public string? CurrentStep { get; private set; }

    /// <summary>The step that was running when the engine reported the error.</summary>
    public string? FailingStep { get; private set; }

    /// <summary>The engine's first error message, if any.</summary>
    public string? ErrorMessage { get; private set; }

    /// <summary>The built image's id (sha256:...), from the aux record.</summary>
    public string? ImageId { get; private set; }

    public void Report(JSONMessage value)
    {
        if (value.Stream is { Length: > 0 } text)
        {
            AppendText(text);
        }
        else if (value.Status is { Length: > 0 } status && value.Progress?.Total is null)
        {
            // Base-image pulls report per-layer status; the byte-by-byte progress ticks are left out of the log.
            Emit(value.ID is { Length: > 0 } id ? $"{id}: {status}" : status);
        }

        if (AuxString(value.Aux, "ID") is { } imageId)
        {
            ImageId = imageId;
        }

        if (value.Error?.Message is { Length: > 0 } error && ErrorMessage is null)
        {
            Flush();
            ErrorMessage = error.Trim();
            FailingStep = CurrentStep;
        }
    }

    /// <summary>Emits a last line that had no newline.</summary>
    public void Flush()
    {
        if (_partialLine.Length > 0)
        {
            var line = _partialLine.ToString();
            _partialLine.Clear();
            Emit(line);
        }
    }

    /// <summary>Reads a string value from an aux record (Docker.DotNet gives JSON elements or plain values).</summary>
    public static string? AuxString(ObjectExtensionData? aux, string name)
    {
        if (aux?.ExtensionData is null || !aux.ExtensionData.TryGetValue(name, out var value))
        {
            return null;
        }

        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.String } element => element.GetString(),
            JsonElement { ValueKind: JsonValueKind.Number } element => element.GetRawText(),
            string text => text,
            null => null,
            _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private void AppendText(string text)
    {
        foreach (var character in text)
        {
            if (character == '\n')
            {
                var line = _partialLine.ToString();
                _partialLine.Clear();
                Emit(line);
            }
            else if (character != '\r')
            {
                _partialLine.Append(character);
            }
        }
    }

    private void Emit(string line)
    {
        var trimmed = line.TrimEnd();
        if (trimmed.Length == 0)
        {
            return;
        }

        if (ClassicStep().IsMatch(trimmed) || BuildahStep().IsMatch(trimmed))
        {
            CurrentStep = trimmed;
        }
        else if (BuildKitStep().Match(trimmed) is { Success: true } match)
        {
            CurrentStep = match.Groups["step"].Value;
        }

        onLogLine?.Invoke(trimmed);
    }

    [GeneratedRegex(@"^Step \d+/\d+ : ", RegexOptions.CultureInvariant)]
    private static partial Regex ClassicStep();

    // Buildah prefixes the stage in multi-stage builds: "[1/2] STEP 2/3: RUN ...".
    [GeneratedRegex(@"^(\[\d+/\d+\] )?STEP \d+/\d+: ", RegexOptions.CultureInvariant)]
    private static partial Regex BuildahStep();

    [GeneratedRegex(@"^#\d+ (?<step>\[[^\]]+\] .+)$", RegexOptions.CultureInvariant)]
    private static partial Regex BuildKitStep();
}
