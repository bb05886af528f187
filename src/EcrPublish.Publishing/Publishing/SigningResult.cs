namespace EcrPublish.Publishing;

/// <summary>How ECR's managed signing of a pushed image ended.</summary>
/// <param name="Status">The signing status of every covering rule: <c>COMPLETE</c> (the wait fails otherwise).</param>
/// <param name="SigningProfileArns">The Signer profile of each status.</param>
/// <param name="SignatureDigests">The manifests of the Notary Project signatures that refer to the image.</param>
public sealed record SigningResult(string Status, IReadOnlyList<string> SigningProfileArns, IReadOnlyList<string> SignatureDigests);
