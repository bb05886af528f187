using EcrPublish.Kms;
using EcrPublish.Signing;
using EcrPublish.Validation;

namespace EcrPublish.Publishing;

/// <summary>
/// Checks <c>EcrSigningKey</c> and <c>EcrSigningCertificate</c> before anything is pushed: a PEM key is loaded and matched
/// with its certificate here; a KMS key's name and certificate file are checked here, and the key itself in KMS (usage, spec,
/// public key against the certificate, access) by the signing stage's <see cref="Stages.IAttachStage.PrepareAsync"/>, after the
/// build and before anything is pushed.
/// </summary>
public static class SigningSettingsValidator
{
    /// <summary>The signing settings of <paramref name="inputs"/> (<c>EcrSign</c> is true), or null after adding their errors to <paramref name="diagnostics"/>.</summary>
    public static SigningSettings? Validate(EcrPublishInputs inputs, List<EcrDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var certificate = InputParsing.Blank(inputs.SigningCertificate) is { } certificateText ? Path.GetFullPath(certificateText, inputs.ProjectDirectory) : null;
        try
        {
            switch (InputParsing.Blank(inputs.SigningKey))
            {
                case null:
                    throw new SigningException(SigningErrorCodes.KeyRequired,
                        "EcrSign is true but EcrSigningKey names no key. Set EcrSigningKey to a PEM private key file or to awskms:///alias/<name>, or set EcrSign=false.");
                case { } kms when KmsKeyReference.IsKms(kms):
                    var reference = KmsKeyReference.Parse(kms);
                    _ = SigningCertificateChain.Read(certificate ?? throw new SigningException(SigningErrorCodes.KmsCertificateRequired,
                        $"EcrSigningKey '{kms}' is a KMS key, which has no certificate, and Notation signatures carry one. Set EcrSigningCertificate to the key's PEM certificate chain, leaf first (docs/supply-chain.md, 'A certificate for a KMS key', shows how to make one)."));
                    return new SigningSettings(null, reference, certificate);
                case { } file:
                    var keyFile = Path.GetFullPath(file, inputs.ProjectDirectory);
                    using (PemSigningKey.Load(keyFile, certificate, DateTimeOffset.UtcNow))
                    {
                        if (certificate is null)
                        {
                            diagnostics.Add(EcrDiagnostic.Warning(SigningErrorCodes.SelfSignedCertificate,
                                $"EcrSigningKey '{keyFile}' has no EcrSigningCertificate, so each signature carries a new self-signed certificate of the key: verifiers trust it only with that key or certificate in their trust store. Set EcrSigningCertificate to a certificate your verifiers trust."));
                        }
                    }

                    return new SigningSettings(keyFile, null, certificate);
            }
        }
        catch (SigningException error)
        {
            diagnostics.Add(EcrDiagnostic.Error(error.Code, error.Explanation));
            return null;
        }
    }
}
