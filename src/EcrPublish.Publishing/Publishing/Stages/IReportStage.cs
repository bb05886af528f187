namespace EcrPublish.Publishing.Stages;

/// <summary>Tells scripts and CI what a successful publish produced.</summary>
public interface IReportStage
{
    /// <summary>Writes <paramref name="result"/> where <paramref name="request"/> asks (the result file, CI outputs).</summary>
    void Report(EcrPublishRequest request, EcrPublishResult result);
}
