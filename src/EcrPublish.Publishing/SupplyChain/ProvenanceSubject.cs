namespace EcrPublish.SupplyChain;

/// <summary>An artifact the provenance is about: a pushed image (index or platform manifest).</summary>
/// <param name="Name">The image without tag or digest, e.g. <c>123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app</c>.</param>
/// <param name="Digest">Its <c>sha256:…</c> manifest (or index) digest.</param>
public sealed record ProvenanceSubject(string Name, string Digest);
