using EcrPublish.Docker;
using EcrPublish.Images;
using Xunit;

namespace EcrPublish.Core.Tests.Docker;

public sealed class PushedManifestVerifierTests
{
    private const string Manifest = """
        {"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json",
         "config":{"mediaType":"application/vnd.docker.container.image.v1+json","size":10,"digest":"sha256:c"},
         "layers":[{"mediaType":"application/vnd.docker.image.rootfs.diff.tar.gzip","size":1000,"digest":"sha256:a"},
                   {"mediaType":"application/vnd.docker.image.rootfs.diff.tar.gzip","size":20,"digest":"sha256:b"}]}
        """;

    private static readonly DockerRegistryCredentials Credentials = new("AWS", "pass");

    [Fact]
    public async Task Answers_a_Bearer_challenge_checks_every_tag_with_the_full_Accept_list_and_returns_the_layer_sizes()
    {
        var registry = new RegistryStubHandler(Manifest);
        using var verifier = new PushedManifestVerifier(plainHttp: false, registry);

        var sizes = await verifier.VerifyAsync(Pushed(registry.ManifestDigest, "1.2.3", "latest"), Credentials);

        Assert.Equal([1000L, 20L], sizes);
        Assert.Equal(3, registry.AcceptHeaders.Count);
        Assert.All(registry.AcceptHeaders, accept => Assert.Equal(string.Join(", ", MediaTypes.AllManifestTypes), accept));
        Assert.Contains(registry.Requests, request => request.RequestUri!.AbsoluteUri == "https://registry.test/v2/team/app/manifests/latest");
        Assert.Contains(registry.Requests, request => request.Method == HttpMethod.Get && request.RequestUri!.AbsolutePath.EndsWith(registry.ManifestDigest, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_tag_the_registry_serves_at_another_digest_is_a_coded_mismatch()
    {
        var registry = new RegistryStubHandler(Manifest);
        using var verifier = new PushedManifestVerifier(plainHttp: false, registry);

        // The engine reports a digest the tag does not have in the registry (someone moved the tag since).
        var exception = await Assert.ThrowsAsync<DockerEngineException>(() => verifier.VerifyAsync(Pushed("sha256:" + new string('9', 64), "1.2.3"), Credentials));

        Assert.Equal(DockerErrorCodes.DigestMismatch, exception.Code);
        Assert.Contains("registry.test/team/app:1.2.3", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_Docker_Content_Digest_header_the_digest_is_the_hash_of_the_manifest()
    {
        var registry = new RegistryStubHandler(Manifest, sendDigestHeader: false);
        using var verifier = new PushedManifestVerifier(plainHttp: false, registry);

        var sizes = await verifier.VerifyAsync(Pushed(registry.ManifestDigest, "1.2.3"), Credentials);

        Assert.Equal([1000L, 20L], sizes);
    }

    [Fact]
    public async Task A_manifest_the_registry_does_not_have_is_a_coded_verification_error()
    {
        var registry = new RegistryStubHandler(Manifest);
        using var verifier = new PushedManifestVerifier(plainHttp: false, registry);
        var pushed = new DockerPushResult("registry.test/team/other", ["1.2.3"], registry.ManifestDigest, new HashSet<string>());

        var exception = await Assert.ThrowsAsync<DockerEngineException>(() => verifier.VerifyAsync(pushed, Credentials));

        Assert.Equal(DockerErrorCodes.RegistryVerificationFailed, exception.Code);
        Assert.Contains("registry.test/team/other:1.2.3", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1:5000", true)]
    [InlineData("localhost:5000", true)]
    [InlineData("[::1]:5000", true)]
    [InlineData("123456789012.dkr.ecr.eu-west-1.amazonaws.com", false)]
    public void Loopback_registries_are_reached_over_plain_http_like_the_engine_does(string registry, bool loopback)
    {
        Assert.Equal(loopback, EcrPublish.Registry.RegistryClient.IsLoopback(registry));
    }

    private static DockerPushResult Pushed(string digest, params string[] tags) =>
        new("registry.test/team/app", tags, digest, new HashSet<string>());
}
