using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using EcrPublish.Aws;
using EcrPublish.Aws.Model;
using EcrPublish.Images;
using EcrPublish.IntegrationTests.Aws;
using EcrPublish.IntegrationTests.Cli;
using EcrPublish.IntegrationTests.Images;
using EcrPublish.IntegrationTests.Publishing;
using EcrPublish.IntegrationTests.Registry;
using EcrPublish.Kms;
using EcrPublish.IntegrationTests.Scanning;
using EcrPublish.LocalEcr;
using EcrPublish.Publishing;
using EcrPublish.Publishing.Signing;
using EcrPublish.Publishing.Stages;
using EcrPublish.Registry;
using EcrPublish.Signing;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Signing;

/// <summary>
/// Signing with a key in moto's KMS (ECC_NIST_P256, ECDSA_SHA_256: moto 5.2's signatures verify with independent
/// libraries, its RSASSA_PSS ones do not), its certificate made by openssl for the public key KMS gives: the signature
/// the stage attaches in LocalEcr verifies with openssl (the exact signing input, the KMS public key and the x5c leaf)
/// and with <c>dotnet ecr verify --certificate</c> against the CA; a second publish signs nothing; a key KMS does not
/// have, a key that cannot sign and a certificate of another key are refused with their codes before anything is attached.
/// </summary>
/// <remarks>
/// In the process-environment collection, under an <see cref="AwsEnvironmentScope"/>: the KMS client's configuration
/// makes AWSSDK.Core read the shared config file, and the SDK keeps the path it first sees; outside the scope that
/// would be the machine's, and the credential-chain tests' profiles would no longer be found.
/// </remarks>
[Collection(ProcessEnvironmentTests.Name)]
public sealed class KmsSigningTests : IDisposable
{
    private readonly AwsEnvironmentScope _aws = new();
    private readonly string _work = Path.Combine(TestEnvironment.WorkDirectory, "kms-signing-" + Guid.NewGuid().ToString("N")[..8]);

    public KmsSigningTests() => Directory.CreateDirectory(_work);

    private static KmsClientOptions Moto => new()
    {
        Region = "us-east-1",
        ServiceUrl = new Uri(TestEnvironment.MotoUrl),
        Credentials = new Amazon.Runtime.BasicAWSCredentials("testing", "testing"),
    };

    [Fact]
    public async Task A_KMS_signature_in_LocalEcr_verifies_with_openssl_and_dotnet_ecr_verify_and_a_republish_signs_nothing()
    {
        var key = await MotoKmsKey.CreateAsync(Path.Combine(_work, "key"));
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions { AccessKeyId = "testing", SecretAccessKey = "testing" });
        const string repository = "app/kms-signed";
        var (session, subject) = await PushImageAsync(localEcr, repository);
        using var _ = session;
        var settings = new SigningSettings(null, KmsKeyReference.Parse("awskms:///" + key.Alias), key.Chain);

        var first = Assert.Single(await SignAsync(localEcr, repository, subject, settings));

        Assert.Equal((NotationMediaTypes.SignatureArtifactType, subject.Digest), (first.ArtifactType, first.SubjectDigest));
        var manifest = ImageManifest.Parse((await session.Client.GetManifestAsync(repository, first.Digest, forPush: false, CancellationToken.None))!.Content);
        var envelope = await session.Client.ReadBlobAsync(repository, manifest.Layers[0].Digest, CancellationToken.None);
        using (var parsed = JsonDocument.Parse(envelope))
        {
            var header = JsonDocument.Parse(Base64Url.Decode(parsed.RootElement.GetProperty("protected").GetString()!)).RootElement;
            Assert.Equal("ES256", header.GetProperty("alg").GetString());
            var x5c = parsed.RootElement.GetProperty("header").GetProperty("x5c");
            Assert.Equal(2, x5c.GetArrayLength());
            using var leaf = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(x5c[0].GetString()!));
            Assert.Equal("CN=release-signing", leaf.Subject);
        }

        var withKmsKey = await OpensslEnvelopeCheck.VerifyAsync(envelope, _work, key.PublicKeyPem);
        Assert.True(withKmsKey.ExitCode == 0 && withKmsKey.StandardOutput.Contains("Verified OK", StringComparison.Ordinal), withKmsKey.Output);
        var withX5cLeaf = await OpensslEnvelopeCheck.VerifyAsync(envelope, _work);
        Assert.True(withX5cLeaf.ExitCode == 0, withX5cLeaf.Output);
        var verify = await CliParityRunner.DotnetEcrAtAsync(localEcr.Endpoint.ToString(), ["verify", $"{repository}@{subject.Digest}", "--certificate", key.CaCertificate, "--require", "signature"]);
        Assert.True(verify.ExitCode == 0, verify.Output);
        Assert.Contains("PASSED", verify.StandardOutput, StringComparison.Ordinal);

        var again = Assert.Single(await SignAsync(localEcr, repository, subject, settings));

        Assert.Equal(first, again);
        Assert.Single((await new ReferrersReader(session.Client).ListAsync(repository, subject.Digest, null, CancellationToken.None)).Referrers);
    }

    [Fact]
    public async Task A_key_ARN_signs_too()
    {
        var key = await MotoKmsKey.CreateAsync(Path.Combine(_work, "key"));
        var arn = "arn:aws:kms:us-east-1:123456789012:key/" + key.KeyId;
        var subject = new Descriptor(MediaTypes.OciManifest, "sha256:" + new string('d', 64), 1234);

        using var signer = await KmsSigningKey.OpenAsync(KmsKeyReference.Parse("awskms:///" + arn).KeyId, SigningCertificateChain.Read(key.Chain), Moto, CancellationToken.None);
        var envelope = (await NotationSignatureWriter.CreateAsync(subject, signer, DateTimeOffset.UtcNow, "test", CancellationToken.None)).Content;

        var verified = await OpensslEnvelopeCheck.VerifyAsync(envelope, _work, key.PublicKeyPem);
        Assert.True(verified.ExitCode == 0, verified.Output);
        Assert.True(new JwsEnvelopeCheck().IsValidSignature(envelope, subject, signer.CertificateChain[0].PublicKey.ExportSubjectPublicKeyInfo()));
    }

    [Fact]
    public async Task The_debug_log_shows_the_KMS_calls_without_the_signature_of_the_request()
    {
        var key = await MotoKmsKey.CreateAsync(Path.Combine(_work, "key"));
        using var log = new StringWriter();
        var options = new KmsClientOptions { Region = Moto.Region, ServiceUrl = Moto.ServiceUrl, Credentials = Moto.Credentials, DebugLog = log };

        using (var signer = await KmsSigningKey.OpenAsync(key.Alias, SigningCertificateChain.Read(key.Chain), options, CancellationToken.None))
        {
            await signer.SignAsync("input"u8.ToArray(), CancellationToken.None);
        }

        var text = log.ToString();
        Assert.Contains("TrentService.DescribeKey", text, StringComparison.Ordinal);
        Assert.Contains("TrentService.GetPublicKey", text, StringComparison.Ordinal);
        Assert.Contains("TrentService.Sign", text, StringComparison.Ordinal);
        Assert.DoesNotMatch("Signature=[0-9a-f]{64}", text);
    }

    [Fact]
    public async Task An_alias_KMS_does_not_have_is_ECR8111()
    {
        var key = await MotoKmsKey.CreateAsync(Path.Combine(_work, "key"));

        var error = await Assert.ThrowsAsync<SigningException>(() => OpenAsync("alias/ecrpublish-missing-" + Guid.NewGuid().ToString("N")[..8], key.Chain));

        Assert.Equal(SigningErrorCodes.KmsKeyNotFound, error.Code);
        Assert.Contains("region us-east-1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ENCRYPT_DECRYPT", "RSA_2048")]
    [InlineData("SIGN_VERIFY", "ECC_SECG_P256K1")]
    [InlineData("ENCRYPT_DECRYPT", "SYMMETRIC_DEFAULT")]
    public async Task A_key_that_cannot_make_Notation_signatures_is_ECR8108(string keyUsage, string keySpec)
    {
        var key = await MotoKmsKey.CreateAsync(Path.Combine(_work, "key"), keyUsage, keySpec);
        var certificate = await OtherCertificateAsync();

        var error = await Assert.ThrowsAsync<SigningException>(() => OpenAsync(key.Alias, certificate));

        Assert.Equal(SigningErrorCodes.KmsKeyUnsupported, error.Code);
        Assert.Contains("SIGN_VERIFY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_key_is_ECR8112()
    {
        var key = await MotoKmsKey.CreateAsync(Path.Combine(_work, "key"));
        await MotoKmsKey.KmsAsync("disable-key", "--key-id", key.KeyId);

        var error = await Assert.ThrowsAsync<SigningException>(() => OpenAsync(key.Alias, key.Chain));

        Assert.Equal(SigningErrorCodes.KmsKeyNotEnabled, error.Code);
    }

    [Fact]
    public async Task A_certificate_of_another_key_is_ECR8104()
    {
        var key = await MotoKmsKey.CreateAsync(Path.Combine(_work, "key"));
        var certificate = await OtherCertificateAsync();

        var error = await Assert.ThrowsAsync<SigningException>(() => OpenAsync(key.Alias, certificate));

        Assert.Equal(SigningErrorCodes.CertificateKeyMismatch, error.Code);
        Assert.Contains(key.Alias, error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Directory.Delete(_work, recursive: true);
        _aws.Dispose();
    }

    private static async Task<KmsSigner> OpenAsync(string keyId, string certificate) =>
        await KmsSigningKey.OpenAsync(keyId, SigningCertificateChain.Read(certificate), Moto, CancellationToken.None);

    private async Task<string> OtherCertificateAsync()
    {
        var other = Path.Combine(_work, "other-key.pem");
        var certificate = Path.Combine(_work, "other-cert.pem");
        (await ProcessRunner.RunAsync("openssl", ["ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", other])).EnsureSuccess();
        (await ProcessRunner.RunAsync("openssl", ["req", "-new", "-x509", "-key", other, "-subj", "/CN=other", "-days", "2", "-out", certificate])).EnsureSuccess();
        return certificate;
    }

    private async Task<(ImageEngineSession Session, Descriptor Subject)> PushImageAsync(LocalEcrServer localEcr, string repository)
    {
        string password;
        using (var ecr = Ecr(localEcr))
        {
            await ecr.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = repository, ImageTagMutability = "IMMUTABLE" });
            password = (await ecr.GetRegistryCredentialsAsync()).Password;
        }

        var session = new ImageEngineSession(localEcr.RegistryHost, new StaticCredentialProvider(localEcr.RegistryHost, new RegistryCredential("AWS", password)));
        var built = await session.Builder.BuildAsync(ImageEngineSession.Options(SyntheticPublishFolder.Create(_work, 20_000, seed: 5), "scratch"), CancellationToken.None);
        await session.Pusher.PushAsync(built, repository, ["v1"], CancellationToken.None);
        return (session, new Descriptor(built.MediaType, built.Digest, built.TopManifestBytes.Length));
    }

    // As the publish does: the stage opens the key before the push (PrepareAsync), then signs after it.
    private async Task<IReadOnlyList<AttachedReferrer>> SignAsync(LocalEcrServer localEcr, string repository, Descriptor subject, SigningSettings settings)
    {
        var request = SigningPublishRequests.For(localEcr, repository, _work, "IMMUTABLE");
        using var connections = new PublishConnections(request, new RecordingPublishLog(), TimeProvider.System, null, _ => Ecr(localEcr), Path.Combine(_work, "cache"));
        using var stage = new SigningAttachStage(new ReferrerAttachStage([], null), settings, connections, new SigningKeyOpener(TimeProvider.System, Moto).OpenAsync, new JwsEnvelopeCheck(), TimeProvider.System, new RecordingPublishLog());
        await stage.PrepareAsync(CancellationToken.None);
        var image = new PushedImage(subject.Digest, [subject.Digest], "pushed") { Descriptors = [subject] };
        return await stage.AttachAsync(new PushTarget(localEcr.RegistryHost, localEcr.RegistryHost, repository, ["v1"], RepositoryIsNew: false), image, CancellationToken.None);
    }

    private static EcrApiClient Ecr(LocalEcrServer localEcr) => new(new EcrClientOptions
    {
        Region = localEcr.Options.Region,
        ServiceUrl = localEcr.Endpoint,
        Credentials = new Amazon.Runtime.BasicAWSCredentials(localEcr.Options.AccessKeyId, localEcr.Options.SecretAccessKey),
    });
}
