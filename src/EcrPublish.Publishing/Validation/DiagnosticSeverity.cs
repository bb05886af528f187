namespace EcrPublish.Validation;

/// <summary>Whether a diagnostic stops the publish (error) or only informs the user (warning).</summary>
public enum DiagnosticSeverity
{
    Warning,
    Error,
}
