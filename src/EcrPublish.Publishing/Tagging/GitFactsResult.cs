using EcrPublish.Validation;

namespace EcrPublish.Tagging;

/// <summary>The git facts plus the warnings that explain any fallback taken to get them.</summary>
public sealed record GitFactsResult(GitFacts Facts, IReadOnlyList<EcrDiagnostic> Warnings);
