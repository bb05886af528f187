using EcrPublish.Validation;

namespace EcrPublish.Tagging;

/// <summary>The distinct, valid tags rendered from the templates, or the errors that prevented it.</summary>
public sealed record TagPlan(IReadOnlyList<string> Tags, IReadOnlyList<EcrDiagnostic> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
