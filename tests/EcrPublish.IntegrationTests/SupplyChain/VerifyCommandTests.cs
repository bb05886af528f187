using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using EcrPublish.Aws;
using EcrPublish.IntegrationTests.Cli;
using EcrPublish.IntegrationTests.Package;
using EcrPublish.LocalEcr;
using EcrPublish.Registry;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.SupplyChain;

/// <summary>
/// <c>dotnet ecr verify</c> (the built tool, as a child process) against LocalEcr with managed signing on: an image with an
/// SBOM and a provenance statement, signed by LocalEcr on push, verifies with LocalEcr's certificate and with its public
/// key; an SBOM whose layer lies about its size, a provenance of another image and a signature copied from another image fail.
/// </summary>
public sealed class VerifyCommandTests : IAsyncLifetime
{
    private const string SigningConfiguration = """{"signingConfiguration":{"rules":[{"signingProfileArn":"arn:aws:signer:us-east-1:123456789012:/signing-profiles/verify","repositoryFilters":[{"filter":"prod/*","filterType":"WILDCARD_MATCH"}]}]}}""";

    private LocalEcrServer localEcr = null!;
    private string repository = null!;
    private string work = null!;

    public async Task InitializeAsync()
    {
        localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions { AccessKeyId = "testing", SecretAccessKey = "testing" });
        repository = $"prod/verify-{Guid.NewGuid().ToString("N")[..8]}";
        using var ecr = new EcrApiClient(new EcrClientOptions
        {
            Region = localEcr.Options.Region,
            ServiceUrl = localEcr.Endpoint,
            Credentials = new Amazon.Runtime.BasicAWSCredentials("testing", "testing"),
        });
        (await ecr.InvokeAsync("PutSigningConfiguration", Encoding.UTF8.GetBytes(SigningConfiguration))).Dispose();
        (await ecr.InvokeAsync("CreateRepository", Encoding.UTF8.GetBytes($$"""{"repositoryName":"{{repository}}"}"""))).Dispose();
        work = Directory.CreateTempSubdirectory("verify-").FullName;
    }

    public async Task DisposeAsync()
    {
        await localEcr.DisposeAsync();
        Directory.Delete(work, recursive: true);
    }

    [Fact]
    public async Task An_image_with_its_SBOM_provenance_and_LocalEcr_s_signature_verifies_with_the_certificate_and_with_the_key()
    {
        using var registry = await RegistryContentWriter.ConnectAsync(localEcr);
        var image = await registry.PushImageAsync(repository, "amd64");
        await registry.PushReferrerAsync(repository, image, "application/spdx+json", Spdx(), "application/spdx+json");
        await registry.PushReferrerAsync(repository, image, "application/vnd.in-toto+json", Statement((string)image["digest"]!), "application/vnd.in-toto+json");
        var (certificate, key) = SigningFiles();

        var byCertificate = await VerifyAsync(image, "--certificate", certificate, "--require", "sbom,provenance,signature", "--output", "json");
        var byKey = await VerifyAsync(image, "--key", key, "--require", "signature");

        Assert.True(byCertificate.ExitCode == 0, byCertificate.Output);
        var checks = JsonNode.Parse(byCertificate.StandardOutput)!["checks"]!.AsArray();
        Assert.Equal(["provenance", "sbom", "signature"], checks.Select(check => (string)check!["kind"]!).Order(StringComparer.Ordinal));
        Assert.All(checks, check => Assert.Equal("verified", (string)check!["result"]!));
        Assert.Contains("LocalEcr managed signing", (string)checks.Single(check => (string)check!["kind"]! == "signature")!["detail"]!, StringComparison.Ordinal);
        Assert.True(byKey.ExitCode == 0, byKey.Output);
        Assert.Contains("PASSED: 3 verified, 0 failed, 0 not checked.", byKey.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_multi_arch_image_needs_an_SBOM_for_each_platform_image()
    {
        using var registry = await RegistryContentWriter.ConnectAsync(localEcr);
        var amd64 = await registry.PushImageAsync(repository, "amd64");
        var arm64 = await registry.PushImageAsync(repository, "arm64");
        var index = await registry.PushIndexAsync(repository, "v1", amd64, arm64);
        await registry.PushReferrerAsync(repository, amd64, "application/spdx+json", Spdx(), "application/spdx+json");
        await registry.PushReferrerAsync(repository, index, "application/vnd.in-toto+json", Statement((string)index["digest"]!), "application/vnd.in-toto+json");
        var (certificate, _) = SigningFiles();
        string[] verify = ["verify", $"{repository}:v1", "--certificate", certificate, "--require", "sbom,provenance,signature", "--output", "json"];

        var oneMissing = await CliParityRunner.DotnetEcrAtAsync(localEcr.Endpoint.ToString(), verify);
        await registry.PushReferrerAsync(repository, arm64, "application/spdx+json", Spdx(), "application/spdx+json");
        var complete = await CliParityRunner.DotnetEcrAtAsync(localEcr.Endpoint.ToString(), verify);

        Assert.Equal(1, oneMissing.ExitCode);
        var missing = Assert.Single(JsonNode.Parse(oneMissing.StandardOutput)!["checks"]!.AsArray(), check => (string?)check!["code"] is not null)!;
        Assert.Equal(("ECR8147", "linux/arm64", "sbom"), ((string)missing["code"]!, (string)missing["platform"]!, (string)missing["kind"]!));
        Assert.True(complete.ExitCode == 0, complete.Output);
        var checks = JsonNode.Parse(complete.StandardOutput)!["checks"]!.AsArray();
        Assert.Equal((string)index["digest"]!, (string)JsonNode.Parse(complete.StandardOutput)!["digest"]!);
        Assert.Equal(["linux/amd64", "linux/arm64"], checks.Where(check => (string)check!["kind"]! == "sbom").Select(check => (string)check!["platform"]!).Order(StringComparer.Ordinal));
        Assert.Contains(checks, check => (string)check!["kind"]! == "signature" && check["platform"] is null && (string)check["result"]! == "verified");
    }

    [Fact]
    public async Task A_tampered_SBOM_a_provenance_of_another_image_and_a_copied_signature_fail_with_their_codes()
    {
        using var registry = await RegistryContentWriter.ConnectAsync(localEcr);
        var image = await registry.PushImageAsync(repository, "amd64");
        var other = await registry.PushImageAsync(repository, "arm64");
        var sbom = Spdx();
        await registry.PushReferrerAsync(repository, image, "application/spdx+json", sbom, "application/spdx+json", declaredSize: sbom.Length + 1);
        await registry.PushReferrerAsync(repository, image, "application/vnd.in-toto+json", Statement((string)other["digest"]!), "application/vnd.in-toto+json");
        await registry.PushReferrerAsync(repository, image, "application/vnd.cncf.notary.signature", await SignatureEnvelopeOfAsync(other), "application/jose+json");
        var (certificate, _) = SigningFiles();

        var result = await VerifyAsync(image, "--certificate", certificate);
        var required = await VerifyAsync(other, "--require", "sbom");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("ECR8144: its document", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("ECR8146: its in-toto subjects", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("ECR8141: it signs", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("ECR7013: 3 check(s)", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(1, required.ExitCode);
        Assert.Contains("ECR8147: no verified SBOM", required.StandardOutput, StringComparison.Ordinal);
    }

    private Task<ProcessResult> VerifyAsync(JsonObject image, params string[] options) =>
        CliParityRunner.DotnetEcrAtAsync(localEcr.Endpoint.ToString(), ["verify", $"{repository}@{(string)image["digest"]!}", .. options]);

    /// <summary>LocalEcr's signing certificate (from &lt;data&gt;/signing-key.pem) and its public key, each in a PEM file.</summary>
    private (string Certificate, string Key) SigningFiles()
    {
        using var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(localEcr.DataDirectory, "signing-key.pem")));
        var certificateFile = Path.Combine(work, "localecr.crt");
        var keyFile = Path.Combine(work, "localecr.pub");
        File.WriteAllText(certificateFile, certificate.ExportCertificatePem());
        using var key = certificate.GetECDsaPublicKey()!;
        File.WriteAllText(keyFile, key.ExportSubjectPublicKeyInfoPem());
        return (certificateFile, keyFile);
    }

    /// <summary>The envelope of the signature LocalEcr made for <paramref name="image"/> on push.</summary>
    private async Task<byte[]> SignatureEnvelopeOfAsync(JsonObject image)
    {
        var password = await LocalEcrEnvironment.LoginPasswordAsync(localEcr);
        var host = localEcr.Endpoint.Authority;
        using var client = new RegistryClient(host, new StaticCredentialProvider(host, new RegistryCredential("AWS", password)));
        var listing = await new ReferrersReader(client).ListAsync(repository, (string)image["digest"]!, "application/vnd.cncf.notary.signature", CancellationToken.None);
        var manifest = await client.GetManifestAsync(repository, Assert.Single(listing.Referrers).Digest, forPush: false, CancellationToken.None);
        var envelope = EcrPublish.Images.ImageManifest.Parse(manifest!.Content).Layers.Single();
        return await client.ReadBlobAsync(repository, envelope.Digest, CancellationToken.None);
    }

    private static byte[] Spdx() => Encoding.UTF8.GetBytes("""{"spdxVersion":"SPDX-2.3","dataLicense":"CC0-1.0","SPDXID":"SPDXRef-DOCUMENT","name":"verify-test","packages":[]}""");

    private static byte[] Statement(string digest) => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["_type"] = "https://in-toto.io/Statement/v1",
        ["subject"] = new JsonArray(new JsonObject { ["name"] = "image", ["digest"] = new JsonObject { ["sha256"] = digest["sha256:".Length..] } }),
        ["predicateType"] = "https://slsa.dev/provenance/v1",
        ["predicate"] = new JsonObject(),
    }.ToJsonString());
}
