namespace EcrPublish.Publishing.Stages;

/// <summary>What a push left in the registry.</summary>
/// <param name="Digest">The manifest (or index) digest the tags point at.</param>
/// <param name="PlatformDigests">The digest of each platform's image (ECR scans images, not indexes).</param>
/// <param name="Summary">What the push did, for the log, e.g. <c>unchanged, nothing sent</c>.</param>
public sealed record PushedImage(string Digest, IReadOnlyList<string> PlatformDigests, string Summary);
