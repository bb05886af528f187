using System.Text.Json;
using EcrPublish.Images;
using EcrPublish.IntegrationTests.Registry;
using EcrPublish.IntegrationTests.Signing;
using EcrPublish.Registry;
using EcrPublish.Signing;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Package;

/// <summary>
/// A real 'dotnet publish -p:PublishToEcr=true -p:EcrSign=true' of samples/HelloApi with a key in moto's KMS, reached
/// through AWS_ENDPOINT_URL_KMS (ECR is moto too, the registry Debian's): the signature openssl verifies with the key's
/// public key, a re-publish sends nothing and signs nothing, and an alias KMS does not have stops the publish before
/// the repository is even created.
/// </summary>
public sealed class KmsSigningPublishTests(PackageFixture package) : IClassFixture<PackageFixture>
{
    [Fact]
    public async Task Publish_signs_with_the_KMS_key_once_and_a_missing_alias_is_ECR8111_before_ECR_changes()
    {
        var project = await ConsumerProject.CopyOfSampleAsync(package, "HelloApi");
        var key = await MotoKmsKey.CreateAsync(Path.Combine(project.Directory, "kms"));
        await using var proxy = new RegistryProxy(TestEnvironment.Registry);
        var repository = $"e2e/kms-{Guid.NewGuid().ToString("N")[..8]}";
        var environment = MotoEnvironment.For();
        environment["AWS_ENDPOINT_URL_KMS"] = TestEnvironment.MotoUrl;
        string[] Where(string keyName) =>
        [
            "-p:PublishToEcr=true", $"-p:EcrServiceUrl={TestEnvironment.MotoUrl}", $"-p:EcrRegistryEndpoint=http://{proxy.Address}",
            $"-p:ContainerBaseImage={TestEnvironment.AspNetBaseImage}", $"-p:EcrRepository={repository}", "-p:EcrScan=None",
            "-p:EcrSbom=false", "-p:EcrProvenance=false",
            "-p:EcrSign=true", $"-p:EcrSigningKey=awskms:///{keyName}", $"-p:EcrSigningCertificate={key.Chain}",
        ];

        var missing = await project.PublishAsync(environment, Where("alias/ecrpublish-none-" + Guid.NewGuid().ToString("N")[..8]));

        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("ECR8111", missing.Output, StringComparison.Ordinal);
        var described = await MotoEcrAsync("describe-repositories", "--repository-names", repository);
        Assert.Contains("RepositoryNotFoundException", described.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(proxy.Requests, request => request.Method is "PUT" or "POST" or "PATCH");

        var first = await project.PublishAsync(environment, Where(key.Alias));

        Assert.True(first.ExitCode == 0, first.Output);
        var digest = DigestOf(project);
        using var registries = new RegistryClientPool(null, new RegistryClientOptions { PlainHttpRegistries = [TestEnvironment.Registry] });
        var client = registries.Get(TestEnvironment.Registry);
        var signature = Assert.Single((await new ReferrersReader(client).ListAsync(repository, digest, artifactType: null, CancellationToken.None)).Referrers);
        Assert.Equal(NotationMediaTypes.SignatureArtifactType, signature.ArtifactType);
        var manifest = ImageManifest.Parse((await client.GetManifestAsync(repository, signature.Digest, forPush: false, CancellationToken.None))!.Content);
        var envelope = await client.ReadBlobAsync(repository, manifest.Layers[0].Digest, CancellationToken.None);
        var verified = await OpensslEnvelopeCheck.VerifyAsync(envelope, project.Directory, key.PublicKeyPem);
        Assert.True(verified.ExitCode == 0 && verified.StandardOutput.Contains("Verified OK", StringComparison.Ordinal), verified.Output);

        proxy.Reset();
        var again = await project.PublishAsync(environment, Where(key.Alias));

        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Contains("(unchanged, nothing sent)", again.Output, StringComparison.Ordinal);
        Assert.Empty(proxy.Requests.Where(request => request.Method is "PUT" or "POST" or "PATCH").Select(request => $"{request.Method} {request.PathAndQuery}"));
        Assert.Equal(signature.Digest, Assert.Single((await new ReferrersReader(client).ListAsync(repository, digest, artifactType: null, CancellationToken.None)).Referrers).Digest);
    }

    private static Task<ProcessResult> MotoEcrAsync(params string[] words) =>
        AwsCliRunner.RunAsync(TestEnvironment.AwsCliV2, ["--endpoint-url", TestEnvironment.MotoUrl, "ecr", .. words], MotoKmsKey.Environment, timeout: TimeSpan.FromMinutes(2));

    private static string DigestOf(ConsumerProject project)
    {
        var path = Assert.Single(Directory.GetFiles(Path.Combine(project.Directory, "obj"), "ecrpublish.result.json", SearchOption.AllDirectories));
        using var result = JsonDocument.Parse(File.ReadAllText(path));
        return result.RootElement.GetProperty("images")[0].GetProperty("digest").GetString()!;
    }
}
