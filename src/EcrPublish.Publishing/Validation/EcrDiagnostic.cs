namespace EcrPublish.Validation;

/// <summary>
/// A coded problem found in the user's configuration or environment. The message says what to do;
/// <see cref="Code"/> is stable so users can look it up in docs/errors.md or suppress a warning.
/// </summary>
public sealed record EcrDiagnostic(string Code, DiagnosticSeverity Severity, string Message)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    public static EcrDiagnostic Error(string code, string message) => new(code, DiagnosticSeverity.Error, message);

    public static EcrDiagnostic Warning(string code, string message) => new(code, DiagnosticSeverity.Warning, message);

    public static EcrDiagnostic Note(string code, string message) => new(code, DiagnosticSeverity.Note, message);

    public override string ToString() => $"{Code}: {Message}";
}
