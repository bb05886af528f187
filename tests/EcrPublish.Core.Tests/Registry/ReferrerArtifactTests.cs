using System.Text;
using EcrPublish.Images;
using EcrPublish.Registry;
using Xunit;

namespace EcrPublish.Core.Tests.Registry;

/// <summary>The artifact manifest's exact bytes, the referrers tag schema, and bad artifacts refused before any request.</summary>
public sealed class ReferrerArtifactTests : IDisposable
{
    private readonly string _cacheDirectory = Path.Combine(Path.GetTempPath(), "referrer-artifact-" + Guid.NewGuid().ToString("N"));
    private readonly RegistryClientPool _pool = new(null);

    private static readonly Descriptor Subject = new(MediaTypes.OciIndex, "sha256:" + new string('a', 64), 312)
    {
        Platform = new Platform("linux", "amd64", null),
    };

    [Fact]
    public void The_artifact_manifest_has_the_empty_config_one_layer_and_the_subject_in_a_fixed_order()
    {
        var artifact = new ReferrerArtifact("application/spdx+json", "application/spdx+json", "{}"u8.ToArray())
        {
            Annotations = new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" },
        };

        var json = Encoding.UTF8.GetString(artifact.ManifestFor(Subject).ToJsonBytes());

        const string empty = "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";
        Assert.Equal(
            "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"artifactType\":\"application/spdx+json\","
            + $"\"config\":{{\"mediaType\":\"application/vnd.oci.empty.v1+json\",\"digest\":\"{empty}\",\"size\":2}},"
            + $"\"layers\":[{{\"mediaType\":\"application/spdx+json\",\"digest\":\"{empty}\",\"size\":2}}],"
            + $"\"subject\":{{\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"digest\":\"{Subject.Digest}\",\"size\":312}},"
            + "\"annotations\":{\"a\":\"1\",\"b\":\"2\"}}",
            json);
        var parsed = ImageManifest.Parse(Encoding.UTF8.GetBytes(json));
        Assert.Equal("application/spdx+json", parsed.ArtifactType);
        Assert.Equal(Subject.Digest, parsed.Subject!.Digest);
        Assert.Equal("1", parsed.Annotations!["a"]);
    }

    [Theory]
    [InlineData("sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "sha256-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("sha512:" + "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "sha512-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb")]
    [InlineData(
        "test+algorithm+using+algorithm+separators+and+lots+of+characters+to+excercise+overall+truncation:alsoSome=InTheEncodedSectionToShowHyphenReplacementAndLotsAndLotsOfCharactersToExcerciseEncodedTruncation",
        "test-algorithm-using-algorithm-s-alsoSome-InTheEncodedSectionToShowHyphenReplacementAndLotsAndLot")]
    public void The_referrers_tag_follows_the_spec_examples(string digest, string tag) => Assert.Equal(tag, ReferrersTag.For(digest));

    [Theory]
    [InlineData("application/spdx+json", "not a media type", "{}")]
    [InlineData("", "application/spdx+json", "{}")]
    [InlineData("application/spdx+json", "application/spdx+json", "")]
    public async Task A_bad_artifact_is_refused_with_ECR8052_before_anything_is_sent(string artifactType, string mediaType, string content)
    {
        var client = _pool.Get("127.0.0.1:9");
        var attacher = new ArtifactAttacher(client, _pool, new LayerCache(_cacheDirectory));

        var exception = await Assert.ThrowsAsync<RegistryException>(() =>
            attacher.AttachAsync("team/app", Subject, new ReferrerArtifact(artifactType, mediaType, Encoding.UTF8.GetBytes(content)), CancellationToken.None));

        Assert.Equal(ReferrerErrorCodes.ArtifactInvalid, exception.Code);
        Assert.Equal(0, client.Traffic.Requests);
    }

    [Fact]
    public async Task A_subject_that_is_not_a_manifest_or_index_is_refused_with_ECR8052()
    {
        var client = _pool.Get("127.0.0.1:9");
        var attacher = new ArtifactAttacher(client, _pool, new LayerCache(_cacheDirectory));
        var layer = new Descriptor(MediaTypes.OciLayerGzip, Subject.Digest, 10);

        var exception = await Assert.ThrowsAsync<RegistryException>(() =>
            attacher.AttachAsync("team/app", layer, new ReferrerArtifact("application/spdx+json", "application/spdx+json", [1]), CancellationToken.None));

        Assert.Equal(ReferrerErrorCodes.ArtifactInvalid, exception.Code);
    }

    public void Dispose()
    {
        _pool.Dispose();
        if (Directory.Exists(_cacheDirectory))
        {
            Directory.Delete(_cacheDirectory, recursive: true);
        }
    }
}
