using EcrPublish.Images;
using EcrPublish.Signing;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Signing;

/// <summary>Keys and certificates made by openssl, signatures made by EcrPublish, verified by openssl.</summary>
public sealed class NotationSignatureOpensslTests : IDisposable
{
    private static readonly Descriptor Subject = new(MediaTypes.OciManifest, "sha256:" + new string('c', 64), 4321);
    private readonly string _directory = Path.Combine(TestEnvironment.WorkDirectory, "signing-" + Guid.NewGuid().ToString("N")[..8]);

    public NotationSignatureOpensslTests() => Directory.CreateDirectory(_directory);

    [Theory]
    [InlineData("ecparam -name prime256v1 -genkey -noout -out KEY", "ES256")]
    [InlineData("genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out KEY", "ES256")]
    [InlineData("genrsa -traditional -out KEY 2048", "PS256")]
    [InlineData("genrsa -out KEY 2048", "PS256")]
    [InlineData("genrsa -out KEY 3072", "PS384")]
    public async Task A_signature_with_an_openssl_key_and_certificate_verifies_with_openssl(string generate, string algorithm)
    {
        var key = Path.Combine(_directory, "key.pem");
        var certificate = Path.Combine(_directory, "cert.pem");
        var publicKey = Path.Combine(_directory, "public.pem");
        (await ProcessRunner.RunAsync("openssl", generate.Replace("KEY", key, StringComparison.Ordinal).Split(' '))).EnsureSuccess();
        (await ProcessRunner.RunAsync("openssl", ["req", "-new", "-x509", "-key", key, "-subj", "/CN=release", "-days", "2", "-addext", "extendedKeyUsage=codeSigning", "-out", certificate])).EnsureSuccess();
        (await ProcessRunner.RunAsync("openssl", ["pkey", "-in", key, "-pubout", "-out", publicKey])).EnsureSuccess();

        using var signer = PemSigningKey.Load(key, certificate, DateTimeOffset.UtcNow);
        var envelope = (await NotationSignatureWriter.CreateAsync(Subject, signer, DateTimeOffset.UtcNow, "test", CancellationToken.None)).Content;

        Assert.Equal(algorithm, signer.Algorithm.Name);
        var verified = await OpensslEnvelopeCheck.VerifyAsync(envelope, _directory, publicKey);
        Assert.True(verified.ExitCode == 0 && verified.StandardOutput.Contains("Verified OK", StringComparison.Ordinal), verified.Output);
        var fromX5c = await OpensslEnvelopeCheck.VerifyAsync(envelope, _directory);
        Assert.True(fromX5c.ExitCode == 0, fromX5c.Output);
        Assert.True(new JwsEnvelopeCheck().IsValidSignature(envelope, Subject, signer.PublicKeyInfo));

        using var parsed = System.Text.Json.JsonDocument.Parse(envelope);
        var signature = parsed.RootElement.GetProperty("signature").GetString()!;
        var flipped = Base64Url.Decode(signature);
        flipped[^1] ^= 1;
        var tampered = System.Text.Encoding.UTF8.GetString(envelope).Replace(signature, Base64Url.Encode(flipped), StringComparison.Ordinal);
        var refused = await OpensslEnvelopeCheck.VerifyAsync(System.Text.Encoding.UTF8.GetBytes(tampered), _directory, publicKey);
        Assert.NotEqual(0, refused.ExitCode);
    }

    [Fact]
    public async Task An_openssl_certificate_of_another_key_is_ECR8104()
    {
        var key = Path.Combine(_directory, "key.pem");
        var other = Path.Combine(_directory, "other.pem");
        var certificate = Path.Combine(_directory, "cert.pem");
        (await ProcessRunner.RunAsync("openssl", ["ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", key])).EnsureSuccess();
        (await ProcessRunner.RunAsync("openssl", ["ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", other])).EnsureSuccess();
        (await ProcessRunner.RunAsync("openssl", ["req", "-new", "-x509", "-key", other, "-subj", "/CN=other", "-days", "2", "-out", certificate])).EnsureSuccess();

        var error = Assert.Throws<SigningException>(() => PemSigningKey.Load(key, certificate, DateTimeOffset.UtcNow));

        Assert.Equal(SigningErrorCodes.CertificateKeyMismatch, error.Code);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
