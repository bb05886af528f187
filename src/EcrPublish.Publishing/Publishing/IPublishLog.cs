using EcrPublish.Validation;

namespace EcrPublish.Publishing;

/// <summary>Where the pipeline reports progress; the MSBuild task forwards it to the build log.</summary>
public interface IPublishLog
{
    /// <summary>A line users see at normal verbosity, such as the pushed image and its tags.</summary>
    void Important(string message);

    /// <summary>A line shown at normal verbosity, such as a Docker build's log.</summary>
    void Normal(string message);

    /// <summary>A detail shown only at detailed verbosity.</summary>
    void Detail(string message);

    /// <summary>A coded warning.</summary>
    void Warning(EcrDiagnostic warning);
}
