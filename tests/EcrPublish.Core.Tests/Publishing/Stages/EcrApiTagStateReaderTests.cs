using System.Text;
using EcrPublish.Aws.Model;
using EcrPublish.Images;
using EcrPublish.Publishing.Stages;
using Xunit;

namespace EcrPublish.Core.Tests.Publishing.Stages;

/// <summary>How a BatchGetImage answer becomes tag states, and when it is not trusted (the push then asks the registry).</summary>
public sealed class EcrApiTagStateReaderTests
{
    private const string Manifest = """{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc","size":2},"layers":[]}""";
    private static readonly string s_digest = ContentDigest.Of(Encoding.UTF8.GetBytes(Manifest));
    private static readonly string s_other = "sha256:" + new string('e', 64);

    private static Image Found(string tag, string digest, string manifest = Manifest) => new()
    {
        ImageId = new ImageIdentifier { ImageTag = tag, ImageDigest = digest },
        ImageManifest = manifest,
        ImageManifestMediaType = MediaTypes.OciManifest,
    };

    private static ImageFailure Missing(string? tag, string? digest = null) => new()
    {
        ImageId = new ImageIdentifier { ImageTag = tag, ImageDigest = digest },
        FailureCode = "ImageNotFound",
        FailureReason = "Requested image not found",
    };

    [Fact]
    public void Every_tag_and_the_image_itself_come_from_one_answer()
    {
        var states = EcrApiTagStateReader.Interpret(["v1", "latest", "new"], s_digest, new BatchGetImageResponse
        {
            Images = [Found("v1", s_digest), Found("latest", s_other, "{}"), new Image { ImageId = new ImageIdentifier { ImageDigest = s_digest }, ImageManifest = Manifest }],
            Failures = [Missing("new")],
        })!;

        Assert.True(states.ImagePresent);
        Assert.Equal(s_digest, states.Tags["v1"]!.Digest);
        Assert.Equal(Encoding.UTF8.GetBytes(Manifest), states.Tags["v1"]!.Content);
        Assert.Equal(s_other, states.Tags["latest"]!.Digest);
        Assert.Empty(states.Tags["latest"]!.Content); // bytes that do not hash to the digest ECR names tell nothing about blobs
        Assert.Null(states.Tags["new"]);
    }

    [Fact]
    public void An_image_absent_by_digest_and_under_every_tag_is_not_present()
    {
        var states = EcrApiTagStateReader.Interpret(["v1"], s_digest, new BatchGetImageResponse { Failures = [Missing("v1"), Missing(null, s_digest)] })!;

        Assert.False(states.ImagePresent);
        Assert.Null(states.Tags["v1"]);
    }

    [Fact]
    public void An_answer_that_does_not_account_for_a_tag_is_not_trusted()
    {
        // moto echoes the image's last tag instead of the one asked for.
        Assert.Null(EcrApiTagStateReader.Interpret(["v1", "latest"], s_digest, new BatchGetImageResponse { Images = [Found("latest", s_digest), Found("latest", s_digest)] }));
        Assert.Null(EcrApiTagStateReader.Interpret(["v1"], s_digest, new BatchGetImageResponse { Failures = [new ImageFailure { ImageId = new ImageIdentifier { ImageTag = "v1" }, FailureCode = "KmsError" }] }));
        Assert.Null(EcrApiTagStateReader.Interpret(["v1"], s_digest, new BatchGetImageResponse { Images = [Found("v1", "not-a-digest")] }));
    }
}
