namespace EcrPublish.LocalEcr.Tests.BadInput;

/// <summary>One bad registry API request of the corpus.</summary>
public sealed record RegistryRequest(string Description, HttpMethod Method, string Path, byte[]? Body = null, string? ContentType = null, string? ContentRange = null);
