namespace EcrPublish.Scanning;

/// <summary>The scanned image a SARIF file reports on.</summary>
/// <param name="Repository">The repository name, e.g. <c>team/hello-api</c>; results without a file path are located here.</param>
/// <param name="ImageUri">The repository URI, e.g. <c>123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/hello-api</c>.</param>
/// <param name="Digest">The pushed manifest (or index) digest.</param>
public sealed record SarifImage(string Repository, string ImageUri, string Digest);
