using EcrPublish.Docker;
using Xunit;
using static EcrPublish.Core.Tests.Docker.DockerStreamMessages;

namespace EcrPublish.Core.Tests.Docker;

public sealed class DockerPushProgressTests
{
    private static readonly string Digest = "sha256:" + new string('d', 64);

    [Fact]
    public void Takes_the_digest_from_the_aux_record_of_its_tag_and_notes_the_layers_uploaded()
    {
        var updates = new List<DockerPushUpdate>();
        var progress = new DockerPushProgress("v1", updates.Add);

        progress.Report(Status("The push refers to repository [127.0.0.1:5000/app]"));
        progress.Report(Status("Preparing", "737e7a103918"));
        progress.Report(Status("Preparing", "201073b24617"));
        progress.Report(Status("Mounted from dotnet/aspnet", "201073b24617"));
        progress.Report(Status("Pushing", "737e7a103918", 33280, 3000000));
        progress.Report(Status("Pushed", "737e7a103918"));
        progress.Report(Aux(("Tag", "other"), ("Digest", "sha256:" + new string('0', 64)), ("Size", 741)));
        progress.Report(Aux(("Tag", "v1"), ("Digest", Digest), ("Size", 741)));

        Assert.Equal(Digest, progress.Digest);
        Assert.Equal(["737e7a103918"], progress.PushedLayerIds);
        Assert.True(progress.ReportedLayers);
        Assert.Contains(new DockerPushUpdate("v1", "737e7a103918", "Pushing", 33280, 3000000), updates);
        Assert.Null(progress.ErrorMessage);
    }

    [Fact]
    public void Falls_back_to_the_digest_status_line_of_older_engines()
    {
        var progress = new DockerPushProgress("1.2.3", null);

        progress.Report(Status($"latest: digest: sha256:{new string('0', 64)} size: 945"));
        progress.Report(Status($"1.2.3: digest: {Digest} size: 945"));

        Assert.Equal(Digest, progress.Digest);
    }

    [Fact]
    public void Takes_the_digest_from_Podmans_status_line_and_knows_it_reported_no_layers()
    {
        // All that Podman 4.3's Docker-compatible /push streams: no layer progress, no aux record.
        var updates = new List<DockerPushUpdate>();
        var progress = new DockerPushProgress("t1", updates.Add);

        progress.Report(Status("The push refers to repository [127.0.0.1:5000/app:t1]"));
        progress.Report(Status($"t1: digest: {Digest} size: 581"));

        Assert.Equal(Digest, progress.Digest);
        Assert.False(progress.ReportedLayers);
        Assert.Empty(progress.PushedLayerIds);
        Assert.Equal(2, updates.Count);
        Assert.Null(progress.ErrorMessage);
    }

    [Fact]
    public void Counts_a_push_whose_layers_all_existed_as_one_that_reported_layers()
    {
        var progress = new DockerPushProgress("v2", null);

        progress.Report(Status("Layer already exists", "737e7a103918"));
        progress.Report(Aux(("Tag", "v2"), ("Digest", Digest), ("Size", 741)));

        Assert.True(progress.ReportedLayers);
        Assert.Empty(progress.PushedLayerIds);
    }

    [Fact]
    public void Keeps_the_first_error()
    {
        var progress = new DockerPushProgress("v1", null);

        progress.Report(Error("unauthorized: authentication required"));
        progress.Report(Error("later"));

        Assert.Equal("unauthorized: authentication required", progress.ErrorMessage);
        Assert.Null(progress.Digest);
    }
}
