using System.Text.Json;
using EcrPublish.Images;
using EcrPublish.IntegrationTests.Registry;
using EcrPublish.IntegrationTests.Signing;
using EcrPublish.Registry;
using EcrPublish.Signing;
using EcrPublish.SupplyChain;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Package;

/// <summary>
/// A real 'dotnet publish -p:PublishToEcr=true' of samples/HelloApi (plus one NuGet package) into Debian's registry,
/// which has no referrers API, behind a proxy that counts what is sent: the SBOM and the provenance become referrers
/// listed in the referrers tag, with a Notation signature by a key openssl made (verified by openssl), and a publish
/// without change sends nothing at all (the existing signature verifies, so none is made).
/// </summary>
public sealed class SupplyChainPublishTests(PackageFixture package) : IClassFixture<PackageFixture>
{
    [Fact]
    public async Task Publish_attaches_an_SBOM_of_the_app_s_packages_and_a_provenance_and_a_republish_sends_nothing()
    {
        var project = await ConsumerProject.CopyOfSampleAsync(package, "HelloApi");
        // The test feed holds only EcrPublish; the package the SBOM must list comes from the machine's packages folder.
        var globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        await File.WriteAllTextAsync(Path.Combine(project.Directory, "NuGet.Config"), $"""
            <configuration>
              <packageSources>
                <add key="ecrpublish-test-feed" value="{package.FeedDirectory}" />
                <add key="machine-packages" value="{globalPackages}" />
              </packageSources>
            </configuration>
            """);
        // The copy leaves the samples' Directory.Build.props behind, with its implicit usings.
        await project.AddToProjectFileAsync("""
            <PropertyGroup><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
            <ItemGroup><PackageReference Include="Newtonsoft.Json" Version="13.0.4" /></ItemGroup>
            """);
        await using var proxy = new RegistryProxy(TestEnvironment.Registry);
        var repository = $"e2e/sbom-{Guid.NewGuid().ToString("N")[..8]}";
        var environment = MotoEnvironment.For();
        var signingKey = Path.Combine(project.Directory, "signing-key.pem");
        (await ProcessRunner.RunAsync("openssl", ["ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", signingKey])).EnsureSuccess();
        var publicKey = Path.Combine(project.Directory, "signing-public.pem");
        (await ProcessRunner.RunAsync("openssl", ["pkey", "-in", signingKey, "-pubout", "-out", publicKey])).EnsureSuccess();
        string[] where =
        [
            "-p:PublishToEcr=true", $"-p:EcrServiceUrl={TestEnvironment.MotoUrl}", $"-p:EcrRegistryEndpoint=http://{proxy.Address}",
            $"-p:ContainerBaseImage={TestEnvironment.AspNetBaseImage}", $"-p:EcrRepository={repository}", "-p:EcrScan=None",
            "-p:EcrSbom=true", "-p:EcrProvenance=true",
            "-p:EcrSign=true", "-p:EcrSigningKey=signing-key.pem",
        ];

        var first = await project.PublishAsync(environment, where);

        Assert.True(first.ExitCode == 0, first.Output);
        var (digest, sbomFile, resultReferrers) = ReadResult(project);
        using var registries = new RegistryClientPool(null, new RegistryClientOptions { PlainHttpRegistries = [TestEnvironment.Registry] });
        var client = registries.Get(TestEnvironment.Registry);
        var listing = await new ReferrersReader(client).ListAsync(repository, digest, artifactType: null, CancellationToken.None);
        Assert.False(listing.FromReferrersApi);
        Assert.Contains("ECR8109", first.Output, StringComparison.Ordinal);
        Assert.Equal([SupplyChainMediaTypes.SpdxJson, NotationMediaTypes.SignatureArtifactType, SupplyChainMediaTypes.InTotoJson], listing.Referrers.Select(referrer => referrer.ArtifactType!).Order(StringComparer.Ordinal));
        Assert.Equal(resultReferrers.Order(StringComparer.Ordinal), listing.Referrers.Select(referrer => referrer.Digest).Order(StringComparer.Ordinal));

        byte[]? sbom = null;
        foreach (var referrer in listing.Referrers)
        {
            var stored = await client.GetManifestAsync(repository, referrer.Digest, forPush: false, CancellationToken.None);
            var manifest = ImageManifest.Parse(stored!.Content);
            Assert.Equal(digest, manifest.Subject?.Digest);
            if (referrer.ArtifactType == SupplyChainMediaTypes.SpdxJson)
            {
                sbom = await client.ReadBlobAsync(repository, manifest.Layers[0].Digest, CancellationToken.None);
            }
            else if (referrer.ArtifactType == NotationMediaTypes.SignatureArtifactType)
            {
                var envelope = await client.ReadBlobAsync(repository, manifest.Layers[0].Digest, CancellationToken.None);
                var verified = await OpensslEnvelopeCheck.VerifyAsync(envelope, project.Directory, publicKey);
                Assert.True(verified.ExitCode == 0, verified.Output);
                Assert.Contains(digest, System.Text.Encoding.UTF8.GetString(Base64Url.Decode(JsonDocument.Parse(envelope).RootElement.GetProperty("payload").GetString()!)), StringComparison.Ordinal);
            }
        }

        Assert.Equal(File.ReadAllBytes(sbomFile), sbom);
        using var spdx = JsonDocument.Parse(sbom!);
        var purls = spdx.RootElement.GetProperty("packages").EnumerateArray()
            .SelectMany(item => item.TryGetProperty("externalRefs", out var refs) ? refs.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Select(reference => reference.GetProperty("referenceLocator").GetString())
            .ToHashSet(StringComparer.Ordinal);
        Assert.Contains("pkg:nuget/Newtonsoft.Json@13.0.4", purls);
        Assert.Contains(purls, purl => purl!.StartsWith("pkg:deb/debian/", StringComparison.Ordinal));

        proxy.Reset();
        var again = await project.PublishAsync(environment, where);

        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Contains("(unchanged, nothing sent)", again.Output, StringComparison.Ordinal);
        Assert.Empty(proxy.Requests.Where(request => request.Method is "PUT" or "POST" or "PATCH").Select(request => $"{request.Method} {request.PathAndQuery}"));
        // The first publish's 404 from the referrers API is in the layer cache: the referrers tag is read straight away.
        Assert.DoesNotContain(proxy.Requests, request => request.PathAndQuery.Contains("/referrers/", StringComparison.Ordinal));
        Assert.Equal(resultReferrers, ReadResult(project).Referrers);
    }

    private static (string Digest, string SbomFile, List<string> Referrers) ReadResult(ConsumerProject project)
    {
        var path = Assert.Single(Directory.GetFiles(Path.Combine(project.Directory, "obj"), "ecrpublish.result.json", SearchOption.AllDirectories));
        using var result = JsonDocument.Parse(File.ReadAllText(path));
        var image = result.RootElement.GetProperty("images")[0];
        var sbomFile = image.GetProperty("sbomFile").GetString()!;
        Assert.Equal(Path.Combine(Path.GetDirectoryName(path)!, "ecrpublish.sbom.spdx.json"), sbomFile);
        return (image.GetProperty("digest").GetString()!, sbomFile,
            [.. image.GetProperty("referrers").EnumerateArray().Select(referrer => referrer.GetProperty("digest").GetString()!)]);
    }
}
