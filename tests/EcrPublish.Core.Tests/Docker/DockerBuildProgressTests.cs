using EcrPublish.Docker;
using Xunit;
using static EcrPublish.Core.Tests.Docker.DockerStreamMessages;

namespace EcrPublish.Core.Tests.Docker;

public sealed class DockerBuildProgressTests
{
    [Fact]
    public void Forwards_the_log_line_by_line_even_when_lines_arrive_in_pieces()
    {
        var lines = new List<string>();
        var progress = new DockerBuildProgress(lines.Add);

        progress.Report(Stream("Step 1/2 : FROM base\n"));
        progress.Report(Stream(" ---> 5bdabf6641a7\nStep 2/2 : RU"));
        progress.Report(Stream("N echo hi\r\n\n"));
        progress.Report(Stream("hi"));
        progress.Flush();

        Assert.Equal(["Step 1/2 : FROM base", " ---> 5bdabf6641a7", "Step 2/2 : RUN echo hi", "hi"], lines);
    }

    [Fact]
    public void Remembers_the_classic_step_that_failed_and_the_engine_message()
    {
        var progress = new DockerBuildProgress(null);

        progress.Report(Stream("Step 1/3 : FROM base\n"));
        progress.Report(Stream("Step 2/3 : RUN false\n"));
        progress.Report(Stream(" ---> Running in 0123\n"));
        progress.Report(Error("The command '/bin/sh -c false' returned a non-zero code: 1"));
        progress.Report(Error("a second error is not the cause"));

        Assert.Equal("Step 2/3 : RUN false", progress.FailingStep);
        Assert.Equal("The command '/bin/sh -c false' returned a non-zero code: 1", progress.ErrorMessage);
    }

    [Fact]
    public void Names_BuildKit_steps_by_their_stage_and_instruction()
    {
        var progress = new DockerBuildProgress(null);

        progress.Report(Stream("#5 [internal] load metadata for base\n#5 DONE 0.1s\n"));
        progress.Report(Stream("#6 [2/3] RUN false\n#6 0.211 boom\n#6 ERROR: process \"/bin/sh -c false\" did not complete successfully: exit code: 1\n"));
        progress.Report(Error("process \"/bin/sh -c false\" did not complete successfully: exit code: 1"));

        Assert.Equal("[2/3] RUN false", progress.FailingStep);
    }

    [Fact]
    public void Names_the_Buildah_step_that_failed_behind_Podmans_compatible_api()
    {
        // The stream Podman 4.3's /build sends for a failing RUN (its error record names the step too).
        var progress = new DockerBuildProgress(null);

        progress.Report(Stream("STEP 1/2: FROM base\n"));
        progress.Report(Stream("Trying to pull base...\n"));
        progress.Report(Stream("STEP 2/2: RUN echo boom && false\n"));
        progress.Report(Stream("boom\n"));
        progress.Report(Error("building at STEP \"RUN echo boom && false\": while running runtime: exit status 1\n"));

        Assert.Equal("STEP 2/2: RUN echo boom && false", progress.FailingStep);
        Assert.Equal("building at STEP \"RUN echo boom && false\": while running runtime: exit status 1", progress.ErrorMessage);
    }

    [Fact]
    public void Names_the_Buildah_step_of_a_multi_stage_build_with_its_stage()
    {
        var progress = new DockerBuildProgress(null);

        progress.Report(Stream("[1/2] STEP 1/2: FROM base AS build\n[1/2] STEP 2/2: RUN make\n--> 3dfbdbeda99\n"));
        progress.Report(Stream("[2/2] STEP 1/2: FROM base\n[2/2] STEP 2/2: COPY --from=build /out /app\n"));
        progress.Report(Error("building at STEP \"COPY --from=build /out /app\": no such file or directory"));

        Assert.Equal("[2/2] STEP 2/2: COPY --from=build /out /app", progress.FailingStep);
    }

    [Fact]
    public void Takes_the_image_id_from_Podmans_aux_record_after_its_Buildah_commit_lines()
    {
        var lines = new List<string>();
        var progress = new DockerBuildProgress(lines.Add);
        var id = new string('5', 64);

        progress.Report(Stream("STEP 2/2: COPY . ./\n"));
        progress.Report(Stream("COMMIT\n"));
        progress.Report(Stream("--> 556b8d241ff\n"));
        progress.Report(Stream(id + "\n"));
        progress.Report(Aux(("ID", "sha256:" + id)));
        progress.Report(Stream("Successfully built 556b8d241ff3\n"));
        progress.Flush();

        Assert.Equal("sha256:" + id, progress.ImageId);
        Assert.Equal("STEP 2/2: COPY . ./", progress.CurrentStep);
        Assert.Null(progress.ErrorMessage);
        Assert.Equal(["STEP 2/2: COPY . ./", "COMMIT", "--> 556b8d241ff", id, "Successfully built 556b8d241ff3"], lines);
    }

    [Fact]
    public void Reads_the_image_id_from_the_aux_record_and_leaves_pull_progress_ticks_out_of_the_log()
    {
        var lines = new List<string>();
        var progress = new DockerBuildProgress(lines.Add);

        progress.Report(Status("Pulling fs layer", "abc"));
        progress.Report(Status("Downloading", "abc", 10, 100));
        progress.Report(Aux(("ID", "sha256:" + new string('a', 64))));

        Assert.Equal("sha256:" + new string('a', 64), progress.ImageId);
        Assert.Equal(["abc: Pulling fs layer"], lines);
        Assert.Null(progress.ErrorMessage);
    }
}
