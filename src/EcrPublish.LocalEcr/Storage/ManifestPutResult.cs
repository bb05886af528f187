namespace EcrPublish.LocalEcr.Storage;

/// <summary>The outcome of storing a manifest, with its digest and the references that were missing (if any).</summary>
internal sealed record ManifestPutResult(ManifestPutOutcome Outcome, string Digest, IReadOnlyList<string> Missing);
