using EcrPublish.Kms;

namespace EcrPublish.Publishing;

/// <summary>How a publish signs the pushed image (<c>EcrSign</c>, docs/supply-chain.md).</summary>
/// <param name="KeyFile">The full path of a PEM private key file; null when <paramref name="KmsKey"/> is set.</param>
/// <param name="KmsKey">The AWS KMS key; null when <paramref name="KeyFile"/> is set.</param>
/// <param name="CertificateFile">The full path of the PEM certificate chain; null for a self-signed leaf (PEM keys only).</param>
public sealed record SigningSettings(string? KeyFile, KmsKeyReference? KmsKey, string? CertificateFile);
