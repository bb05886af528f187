using EcrPublish.Publishing;
using EcrPublish.Validation;

namespace EcrPublish.Core.Tests.Publishing;

/// <summary>Keeps what the pipeline logged, for assertions.</summary>
internal sealed class RecordingPublishLog : IPublishLog
{
    public List<string> Lines { get; } = [];

    public void Important(string message) => Lines.Add(message);

    public void Normal(string message) => Lines.Add(message);

    public void Detail(string message) => Lines.Add(message);

    public void Warning(EcrDiagnostic warning) => Lines.Add($"{warning.Code}: {warning.Message}");
}
