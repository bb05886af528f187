namespace EcrPublish.Validation;

/// <summary>Whether a diagnostic stops the publish (error), warns, or only informs the user (note).</summary>
public enum DiagnosticSeverity
{
    Warning,
    Error,

    /// <summary>A coded note at normal verbosity: nothing is wrong, but the user may have expected otherwise.</summary>
    Note,
}
