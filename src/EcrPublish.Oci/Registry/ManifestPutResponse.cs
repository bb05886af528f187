namespace EcrPublish.Registry;

/// <summary>What a registry answered to a manifest PUT.</summary>
/// <param name="Digest">The manifest's digest (the registry's report checked against ours).</param>
/// <param name="OciSubject">The <c>OCI-Subject</c> header: present when the registry indexed the manifest's <c>subject</c> for its referrers API.</param>
public sealed record ManifestPutResponse(string Digest, string? OciSubject);
