using System.Text;
using EcrPublish.Core.Tests.Publishing;
using EcrPublish.Publishing;
using EcrPublish.Publishing.Stages;
using Xunit;

namespace EcrPublish.Core.Tests.Publishing.Stages;

public sealed class ReferrerAttachStageTests
{
    private static readonly PushTarget Target = new("127.0.0.1:5000", "127.0.0.1:5000", "hello", ["latest"], RepositoryIsNew: false);
    private static readonly PushedImage Image = new("sha256:index", ["sha256:amd64", "sha256:arm64"], "unchanged, nothing sent");

    /// <summary>Keeps what it was asked to push; answers a digest per artifact.</summary>
    private sealed class RecordingReferrerPusher : IReferrerPusher
    {
        public List<(PushTarget Target, string Subject, ReferrerArtifact Artifact)> Pushed { get; } = [];

        public Task<string> PushAsync(PushTarget target, string subjectDigest, ReferrerArtifact artifact, CancellationToken cancellationToken)
        {
            Pushed.Add((target, subjectDigest, artifact));
            return Task.FromResult($"sha256:referrer{Pushed.Count}");
        }
    }

    private static ReferrerArtifact Artifact(string type, string? subject = null) => new(type, type, Encoding.UTF8.GetBytes("{}"), subject);

    [Fact]
    public async Task With_no_artifact_attaches_nothing()
    {
        var pusher = new RecordingReferrerPusher();

        var attached = await new ReferrerAttachStage([], pusher).AttachAsync(Target, Image, CancellationToken.None);

        Assert.Empty(attached);
        Assert.Empty(pusher.Pushed);
    }

    [Fact]
    public async Task Attaches_each_artifact_in_order_to_the_pushed_image_or_the_platform_image_it_names()
    {
        var pusher = new RecordingReferrerPusher();
        var sbom = Artifact("application/spdx+json", "sha256:arm64");
        var provenance = Artifact("application/vnd.in-toto+json");

        var attached = await new ReferrerAttachStage([sbom, provenance], pusher).AttachAsync(Target, Image, CancellationToken.None);

        Assert.Equal([(Target, "sha256:arm64", sbom), (Target, "sha256:index", provenance)], pusher.Pushed);
        Assert.Equal(
            [new AttachedReferrer("application/spdx+json", "sha256:referrer1", "sha256:arm64"), new AttachedReferrer("application/vnd.in-toto+json", "sha256:referrer2", "sha256:index")],
            attached);
    }

    [Fact]
    public async Task Artifacts_without_a_pusher_are_a_wiring_error_not_a_silent_skip()
    {
        var stage = new ReferrerAttachStage([Artifact("application/spdx+json")], pusher: null);

        await Assert.ThrowsAsync<InvalidOperationException>(() => stage.AttachAsync(Target, Image, CancellationToken.None));
    }
}
