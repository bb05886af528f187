using EcrPublish.Publishing;
using EcrPublish.Validation;

namespace EcrPublish.IntegrationTests.Scanning;

/// <summary>Keeps what the scan step logged, for assertions.</summary>
internal sealed class RecordingPublishLog : IPublishLog
{
    public List<string> Lines { get; } = [];

    public List<EcrDiagnostic> Warnings { get; } = [];

    public string Text => string.Join("\n", Lines);

    public void Important(string message) => Lines.Add(message);

    public void Normal(string message) => Lines.Add(message);

    public void Detail(string message) => Lines.Add(message);

    public void Warning(EcrDiagnostic warning)
    {
        Warnings.Add(warning);
        Lines.Add($"{warning.Code}: {warning.Message}");
    }
}
