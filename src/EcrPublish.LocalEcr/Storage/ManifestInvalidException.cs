namespace EcrPublish.LocalEcr.Storage;

/// <summary>A manifest that cannot be stored: not JSON, an unsupported media type, or malformed references.</summary>
internal sealed class ManifestInvalidException(string message) : Exception(message);
