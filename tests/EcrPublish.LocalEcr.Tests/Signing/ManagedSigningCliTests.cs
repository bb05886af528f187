using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Tests.Support;
using EcrPublish.Testing;

namespace EcrPublish.LocalEcr.Tests.Signing;

/// <summary>
/// Managed signing with the real AWS CLI v1 (the installed v2 predates it): the signing configuration is validated and
/// stored, and an image pushed to a covered repository gets a Notation signature referrer that really verifies with
/// the certificate in it, made with a key LocalEcr keeps (0600) across restarts.
/// </summary>
public sealed class ManagedSigningCliTests : IAsyncLifetime
{
    private const string Profile = "arn:aws:signer:us-east-1:123456789012:/signing-profiles/ecr_signing";
    private const string Configuration = """{"rules":[{"signingProfileArn":"arn:aws:signer:us-east-1:123456789012:/signing-profiles/ecr_signing","repositoryFilters":[{"filter":"prod/*","filterType":"WILDCARD_MATCH"}]}]}""";

    private LocalEcrHarness ecr = null!;
    private AwsCli aws = null!;

    public async Task InitializeAsync()
    {
        ecr = await LocalEcrHarness.StartAsync();
        aws = new AwsCli(TestEnvironment.AwsCliV1, ecr.Server);
    }

    public async Task DisposeAsync() => await ecr.DisposeAsync();

    [Fact]
    public async Task The_configuration_is_put_read_and_deleted()
    {
        Assert.Contains("SigningConfigurationNotFoundException", (await aws.RunRawAsync(null, "get-signing-configuration")).StandardError, StringComparison.Ordinal);
        var put = await aws.JsonAsync("put-signing-configuration", "--signing-configuration", Configuration);
        Assert.Equal(Configuration, put["signingConfiguration"]!.ToJsonString());
        var got = await aws.JsonAsync("get-signing-configuration");
        Assert.Equal("123456789012", got["registryId"]!.GetValue<string>());
        Assert.Equal(Configuration, got["signingConfiguration"]!.ToJsonString());
        Assert.Equal(Configuration, (await aws.JsonAsync("delete-signing-configuration"))["signingConfiguration"]!.ToJsonString());
        Assert.Contains("SigningConfigurationNotFoundException", (await aws.RunRawAsync(null, "delete-signing-configuration")).StandardError, StringComparison.Ordinal);

        var empty = await aws.JsonAsync("put-signing-configuration", "--signing-configuration", """{"rules":[]}""");
        Assert.Equal("""{"rules":[]}""", empty["signingConfiguration"]!.ToJsonString());
    }

    [Theory]
    [InlineData("""{"rules":[{"signingProfileArn":"arn:aws:signer:us-east-1:123456789012:signing-profiles/x"}]}""")]
    [InlineData("""{"rules":[{"signingProfileArn":"arn:aws:signer:us-east-1:123456789012:/signing-profiles/ok","repositoryFilters":[]}]}""")]
    [InlineData("""{"rules":[{"signingProfileArn":"arn:aws:signer:us-east-1:123456789012:/signing-profiles/ok","repositoryFilters":[{"filter":"Prod","filterType":"WILDCARD_MATCH"}]}]}""")]
    [InlineData("""{"rules":[{"signingProfileArn":"arn:aws:signer:us-east-1:123456789012:/signing-profiles/ok","repositoryFilters":[{"filter":"prod","filterType":"PREFIX_MATCH"}]}]}""")]
    public async Task Invalid_configurations_are_refused(string configuration)
    {
        // Straight to the API: the CLI itself refuses an empty filter list before sending it.
        var result = await ecr.Ecr.CallAsync("PutSigningConfiguration", $$"""{"signingConfiguration":{{configuration}}}""");
        Assert.Equal("InvalidParameterException", result.ErrorType);
        Assert.Contains("SigningConfigurationNotFoundException", (await aws.RunRawAsync(null, "get-signing-configuration")).StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pushed_image_in_a_covered_repository_gets_a_verifiable_notation_signature_that_survives_a_restart()
    {
        using var data = new TemporaryDataDirectory("signing");
        string thumbprint;
        string digest;
        await using (var first = await LocalEcrHarness.StartAsync(data.Path))
        {
            // Frozen, so the status is still IN_PROGRESS however long the CLI takes on a busy machine.
            first.Clock.FrozenAt = first.Clock.GetUtcNow();
            var cli = new AwsCli(TestEnvironment.AwsCliV1, first.Server);
            await cli.RunAsync("put-signing-configuration", "--signing-configuration", Configuration);
            await first.CreateRepositoryAsync("prod/api");
            await first.CreateRepositoryAsync("dev/api");
            using var registry = await first.RegistryAsync();
            (digest, _) = await registry.PushImageAsync("prod/api", "v1", layers: 1);
            await registry.PushImageAsync("dev/api", "v1", layers: 1);
            var signing = await cli.JsonAsync("describe-image-signing-status", "--repository-name", "prod/api", "--image-id", "imageTag=v1");
            Assert.Equal($$"""[{"signingProfileArn":"{{Profile}}","status":"IN_PROGRESS"}]""", signing["signingStatuses"]!.ToJsonString());
            first.Clock.Offset += TimeSpan.FromSeconds(3);

            var status = await cli.JsonAsync("describe-image-signing-status", "--repository-name", "prod/api", "--image-id", "imageTag=v1");
            Assert.Equal($$"""[{"signingProfileArn":"{{Profile}}","status":"COMPLETE"}]""", status["signingStatuses"]!.ToJsonString());
            Assert.Equal(digest, status["imageId"]!["imageDigest"]!.GetValue<string>());
            var unsigned = await cli.JsonAsync("describe-image-signing-status", "--repository-name", "dev/api", "--image-id", "imageTag=v1");
            Assert.Empty(unsigned["signingStatuses"]!.AsArray());

            thumbprint = await VerifiedSignatureThumbprintAsync(registry, digest);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(first.Server.DataDirectory, "signing-key.pem")));
            }
        }

        await using var second = await LocalEcrHarness.StartAsync(data.Path);
        second.Clock.Offset += TimeSpan.FromSeconds(3);
        var again = new AwsCli(TestEnvironment.AwsCliV1, second.Server);
        Assert.Equal(Configuration, (await again.JsonAsync("get-signing-configuration"))["signingConfiguration"]!.ToJsonString());
        Assert.Equal("COMPLETE", (await again.JsonAsync("describe-image-signing-status", "--repository-name", "prod/api", "--image-id", $"imageDigest={digest}"))["signingStatuses"]![0]!["status"]!.GetValue<string>());
        using var secondRegistry = await second.RegistryAsync();
        var (next, _) = await secondRegistry.PushImageAsync("prod/api", "v2", layers: 1);
        Assert.Equal(thumbprint, await VerifiedSignatureThumbprintAsync(secondRegistry, next));
    }

    [Fact]
    public async Task An_unreadable_signing_key_fails_the_signing_not_the_push()
    {
        await File.WriteAllTextAsync(Path.Combine(ecr.Server.DataDirectory, "signing-key.pem"), "not a key");
        await aws.RunAsync("put-signing-configuration", "--signing-configuration", Configuration);
        await ecr.CreateRepositoryAsync("prod/api");
        using var registry = await ecr.RegistryAsync();
        await registry.PushImageAsync("prod/api", "v1", layers: 1);
        ecr.Clock.Offset += TimeSpan.FromSeconds(3);

        var status = (await aws.JsonAsync("describe-image-signing-status", "--repository-name", "prod/api", "--image-id", "imageTag=v1"))["signingStatuses"]![0]!;
        Assert.Equal("FAILED", status["status"]!.GetValue<string>());
        Assert.Contains("ECR5060", status["failureReason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_is_signed_once_however_many_tags_are_put_for_it()
    {
        await aws.RunAsync("put-signing-configuration", "--signing-configuration", Configuration);
        await ecr.CreateRepositoryAsync("prod/api");
        using var registry = await ecr.RegistryAsync();
        var (digest, manifest) = await registry.PushImageAsync("prod/api", "v1", layers: 1);

        using (var retag = await registry.SendAsync(HttpMethod.Put, "/v2/prod/api/manifests/latest", manifest, RegistryTestClient.OciManifest))
        {
            Assert.Equal(System.Net.HttpStatusCode.Created, retag.StatusCode);
        }

        ecr.Clock.Offset += TimeSpan.FromSeconds(3);
        Assert.Single((await aws.JsonAsync("describe-image-signing-status", "--repository-name", "prod/api", "--image-id", "imageTag=latest"))["signingStatuses"]!.AsArray());
        using var referrers = await registry.SendAsync(HttpMethod.Get, $"/v2/prod/api/referrers/{digest}?artifactType=application/vnd.cncf.notary.signature");
        Assert.Single(JsonNode.Parse(await referrers.Content.ReadAsStringAsync())!["manifests"]!.AsArray());
    }

    [Fact]
    public async Task Signing_status_of_a_missing_image_or_repository_is_an_error()
    {
        Assert.Contains("RepositoryNotFoundException", (await aws.RunRawAsync(null, "describe-image-signing-status", "--repository-name", "nope", "--image-id", "imageTag=v1")).StandardError, StringComparison.Ordinal);
        await ecr.CreateRepositoryAsync("prod/api");
        Assert.Contains("ImageNotFoundException", (await aws.RunRawAsync(null, "describe-image-signing-status", "--repository-name", "prod/api", "--image-id", "imageTag=v1")).StandardError, StringComparison.Ordinal);
    }

    /// <summary>Finds the image's one signature through the referrers API, checks its JWS with the x5c certificate, returns the certificate's thumbprint.</summary>
    private static async Task<string> VerifiedSignatureThumbprintAsync(RegistryTestClient registry, string subject)
    {
        using var referrers = await registry.SendAsync(HttpMethod.Get, $"/v2/prod/api/referrers/{subject}?artifactType=application/vnd.cncf.notary.signature");
        var descriptor = JsonNode.Parse(await referrers.Content.ReadAsStringAsync())!["manifests"]!.AsArray().Single()!;
        using var manifestResponse = await registry.SendAsync(HttpMethod.Get, $"/v2/prod/api/manifests/{descriptor["digest"]!.GetValue<string>()}");
        var manifest = JsonNode.Parse(await manifestResponse.Content.ReadAsStringAsync())!;
        Assert.Equal(subject, manifest["subject"]!["digest"]!.GetValue<string>());
        var layer = manifest["layers"]![0]!;
        Assert.Equal("application/jose+json", layer["mediaType"]!.GetValue<string>());
        using var envelopeResponse = await registry.SendAsync(HttpMethod.Get, $"/v2/prod/api/blobs/{layer["digest"]!.GetValue<string>()}");
        var envelope = JsonNode.Parse(await envelopeResponse.Content.ReadAsStringAsync())!;

        using var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(envelope["header"]!["x5c"]![0]!.GetValue<string>()));
        using var key = certificate.GetECDsaPublicKey()!;
        var signed = Encoding.ASCII.GetBytes(envelope["protected"]!.GetValue<string>() + "." + envelope["payload"]!.GetValue<string>());
        Assert.True(key.VerifyData(signed, Base64Url(envelope["signature"]!.GetValue<string>()), HashAlgorithmName.SHA256), "the JWS signature does not verify");
        var payload = JsonNode.Parse(Base64Url(envelope["payload"]!.GetValue<string>()))!;
        Assert.Equal(subject, payload["targetArtifact"]!["digest"]!.GetValue<string>());
        var header = JsonNode.Parse(Base64Url(envelope["protected"]!.GetValue<string>()))!;
        Assert.Equal("notary.x509", header["io.cncf.notary.signingScheme"]!.GetValue<string>());
        return Convert.ToHexString(SHA256.HashData(certificate.RawData)).ToLowerInvariant();
    }

    private static byte[] Base64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }
}
