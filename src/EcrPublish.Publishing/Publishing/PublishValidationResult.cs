using EcrPublish.Validation;

namespace EcrPublish.Publishing;

/// <summary>The validated request (null when any error was found) and every diagnostic found on the way.</summary>
public sealed record PublishValidationResult(EcrPublishRequest? Request, IReadOnlyList<EcrDiagnostic> Diagnostics);
