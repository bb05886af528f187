using EcrPublish.Scanning;
using EcrPublish.Publishing;
using Xunit;
using static EcrPublish.Core.Tests.Publishing.InMemoryPublishStages;

namespace EcrPublish.Core.Tests.Publishing;

/// <summary>The ordering and failure rules of <see cref="EcrPublishPipeline"/>'s doc comment, one or more tests each, with in-memory stages.</summary>
public class EcrPublishPipelineTests
{
    private readonly RecordingPublishLog _log = new();

    internal static EcrPublishRequest Request(ContainerSettings? container = null, ImageBuilderKind builder = ImageBuilderKind.Daemonless, ProjectFacts? project = null) => new()
    {
        Repository = "hello",
        Tags = ["latest"],
        RepositorySettings = new RepositorySettings(true, true, "MUTABLE", [], null, null, new Dictionary<string, string>(), null, null),
        ImageBuilder = builder,
        Scan = new ScanSettings(null, TimeSpan.FromMinutes(1), null),
        ResultFile = Path.Combine(Path.GetTempPath(), "r.json"),
        PublishDirectory = Path.GetTempPath(),
        Project = project ?? new ProjectFacts("Hello", "Hello", "Hello.dll", "10.0", false, true, "1.0.0"),
        Container = container ?? new ContainerSettings(),
        // An endpoint nothing listens on: the test proves the pipeline stops before calling it.
        ServiceUrl = new Uri("http://127.0.0.1:9"),
    };

    private static EcrPublishRequest ScanRequest(ScanMode? mode) => Request() with { Scan = new ScanSettings(mode, TimeSpan.FromMinutes(1), null) };

    private Task<EcrPublishResult> PublishAsync(InMemoryPublishStages stages, EcrPublishRequest? request = null, CancellationToken cancellationToken = default) =>
        new EcrPublishPipeline(stages).PublishAsync(request ?? ScanRequest(ScanMode.Start), _log, cancellationToken);

    [Fact]
    public async Task Rejects_several_runtime_identifiers_without_their_publish_folders_before_any_aws_call()
    {
        var request = Request(new ContainerSettings { RuntimeIdentifiers = ["linux-x64", "linux-arm64"] });

        var exception = await Assert.ThrowsAsync<EcrPublishException>(() => new EcrPublishPipeline().PublishAsync(request, new RecordingPublishLog(), CancellationToken.None));

        Assert.Equal(PublishErrorCodes.MultiPlatformNotSupported, exception.Code);
    }

    [Fact]
    public async Task Local_rejections_come_before_any_stage_is_made()
    {
        var stages = new InMemoryPublishStages();

        await Assert.ThrowsAsync<EcrPublishException>(() => PublishAsync(stages, Request(new ContainerSettings { RuntimeIdentifiers = ["linux-x64", "linux-arm64"] })));

        Assert.Equal(0, stages.Creations);
        Assert.Empty(stages.Calls);
    }

    [Fact]
    public async Task Runs_build_provision_push_attach_sign_scan_report_in_that_order_and_releases_the_stages()
    {
        var stages = new InMemoryPublishStages();

        await PublishAsync(stages);

        Assert.Equal([Building, Preparing, Provisioning, Pushing, Attaching, WaitingForSigning, Gating, Reporting], stages.Calls);
        Assert.True(stages.Disposed);
    }

    [Fact]
    public async Task A_build_failure_changes_nothing_in_ecr()
    {
        var stages = new InMemoryPublishStages { Failures = { [Building] = new EcrPublishException("ECR3001", "no such base image") } };

        await Assert.ThrowsAsync<EcrPublishException>(() => PublishAsync(stages));

        Assert.Equal([Building], stages.Calls);
        Assert.True(stages.Disposed);
    }

    [Fact]
    public async Task The_ECR_reads_that_change_nothing_start_before_the_build_and_provisioning_still_follows_it()
    {
        var stages = new InMemoryPublishStages { RecordsReads = true };

        await PublishAsync(stages);

        Assert.Equal([Reading, Building, Preparing, Provisioning, Pushing, Attaching, WaitingForSigning, Gating, Reporting], stages.Calls);
        Assert.False(stages.ReadsToken.IsCancellationRequested);
    }

    [Fact]
    public async Task A_build_failure_still_creates_nothing_while_the_describe_may_have_run_and_is_cancelled()
    {
        var stages = new InMemoryPublishStages { RecordsReads = true, Failures = { [Building] = new EcrPublishException("ECR3001", "no such base image") } };

        var error = await Assert.ThrowsAsync<EcrPublishException>(() => PublishAsync(stages));

        Assert.Equal("ECR3001", error.Code);
        Assert.Equal([Reading, Building], stages.Calls);
        Assert.True(stages.ReadsToken.IsCancellationRequested);
    }

    [Fact]
    public async Task EcrPush_false_starts_no_ECR_read()
    {
        var stages = new InMemoryPublishStages { RecordsReads = true };

        await PublishAsync(stages, Request() with { Push = false });

        Assert.DoesNotContain(Reading, stages.Calls);
    }

    [Fact]
    public async Task Loads_what_was_built_right_after_the_build_and_before_anything_in_ecr()
    {
        var stages = new InMemoryPublishStages();

        await PublishAsync(stages, ScanRequest(ScanMode.Start) with { LoadInto = EcrPublish.Docker.LocalEngine.Docker });

        Assert.Equal([Building, Loading, Preparing, Provisioning, Pushing, Attaching, WaitingForSigning, Gating, Reporting], stages.Calls);
        Assert.Same(stages.Built, stages.LoadedOutput);
        Assert.Contains(_log.Lines, line => line.Contains("loaded hello:latest (linux/amd64) into Docker at unix:///test.sock", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_EcrLoadInto_nothing_is_loaded()
    {
        var stages = new InMemoryPublishStages();

        await PublishAsync(stages);

        Assert.DoesNotContain(Loading, stages.Calls);
        Assert.Null(stages.LoadedOutput);
    }

    [Fact]
    public async Task A_load_failure_changes_nothing_in_ecr()
    {
        var stages = new InMemoryPublishStages { Failures = { [Loading] = new EcrPublishException(PublishErrorCodes.LoadFailed, "the engine refused it") } };

        var exception = await Assert.ThrowsAsync<EcrPublishException>(() => PublishAsync(stages, Request() with { LoadInto = EcrPublish.Docker.LocalEngine.Podman }));

        Assert.Equal(PublishErrorCodes.LoadFailed, exception.Code);
        Assert.Equal([Building, Loading], stages.Calls);
        Assert.True(stages.Disposed);
    }

    [Fact]
    public async Task EcrPush_false_builds_loads_and_reports_no_pushed_image_without_any_ecr_stage()
    {
        var stages = new InMemoryPublishStages();

        var result = await PublishAsync(stages, Request() with { LoadInto = EcrPublish.Docker.LocalEngine.Docker, Push = false });

        Assert.Equal([Building, Loading, Reporting], stages.Calls);
        Assert.Empty(result.Images);
        Assert.Same(result, stages.Reported);
        Assert.DoesNotContain(_log.Lines, line => line.Contains("@sha256:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pushes_what_was_built_to_the_repository_provisioning_returned()
    {
        var stages = new InMemoryPublishStages { Created = true };

        await PublishAsync(stages);

        Assert.Same(stages.Built, stages.PushedOutput);
        var target = stages.Target!;
        Assert.Equal("123456789012.dkr.ecr.eu-west-1.amazonaws.com", target.RegistryHost);
        Assert.Equal(target.RegistryHost, target.EcrHost);
        Assert.Equal("hello", target.Repository);
        Assert.Equal(["latest"], target.Tags);
        Assert.True(target.RepositoryIsNew);
    }

    [Fact]
    public async Task Pushes_to_the_registry_endpoint_the_user_named_while_ecr_credentials_still_serve_the_repository_host()
    {
        var stages = new InMemoryPublishStages();

        await PublishAsync(stages, ScanRequest(null) with { RegistryEndpoint = new Uri("http://127.0.0.1:5000") });

        Assert.Equal("127.0.0.1:5000", stages.Target!.RegistryHost);
        Assert.Equal("123456789012.dkr.ecr.eu-west-1.amazonaws.com", stages.Target.EcrHost);
        Assert.False(stages.Target.RepositoryIsNew);
    }

    [Fact]
    public async Task A_repository_without_a_uri_fails_with_ECR2203_before_the_push()
    {
        var stages = new InMemoryPublishStages { RepositoryUri = null };

        var exception = await Assert.ThrowsAsync<EcrPublishException>(() => PublishAsync(stages));

        Assert.Equal(PublishErrorCodes.NoRepositoryUri, exception.Code);
        Assert.Equal([Building, Preparing, Provisioning], stages.Calls);
    }

    [Fact]
    public async Task A_push_failure_attaches_nothing_scans_nothing_and_reports_no_success()
    {
        var stages = new InMemoryPublishStages { Failures = { [Pushing] = new EcrPublishException("ECR3002", "blob upload refused") } };

        await Assert.ThrowsAsync<EcrPublishException>(() => PublishAsync(stages));

        Assert.Equal([Building, Preparing, Provisioning, Pushing], stages.Calls);
        Assert.Null(stages.Reported);
        Assert.DoesNotContain(_log.Lines, line => line.Contains("@sha256:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Attaches_to_the_pushed_image_after_the_push_and_before_the_scan_gate()
    {
        var stages = new InMemoryPublishStages();

        await PublishAsync(stages);

        Assert.Same(Pushed, stages.Attached);
        Assert.True(stages.Calls.IndexOf(Pushing) < stages.Calls.IndexOf(Attaching));
        Assert.True(stages.Calls.IndexOf(Attaching) < stages.Calls.IndexOf(Gating));
    }

    [Fact]
    public async Task A_key_that_cannot_sign_stops_the_publish_after_the_build_and_before_ECR_changes()
    {
        var stages = new InMemoryPublishStages { Failures = { [Preparing] = new EcrPublishException("ECR8110", "kms:Sign refused") } };

        await Assert.ThrowsAsync<EcrPublishException>(() => PublishAsync(stages));

        Assert.Equal([Building, Preparing], stages.Calls);
        Assert.Null(stages.Reported);
    }

    [Fact]
    public async Task An_attach_failure_scans_nothing_and_reports_no_success()
    {
        var stages = new InMemoryPublishStages { Failures = { [Attaching] = new EcrPublishException("ECR3003", "referrer refused") } };

        await Assert.ThrowsAsync<EcrPublishException>(() => PublishAsync(stages));

        Assert.Equal([Building, Preparing, Provisioning, Pushing, Attaching], stages.Calls);
        Assert.Null(stages.Reported);
    }

    [Fact]
    public async Task A_gate_failure_leaves_the_image_pushed_attached_and_logged_but_writes_no_result()
    {
        var stages = new InMemoryPublishStages { Failures = { [Gating] = new EcrPublishException(ScanErrorCodes.FindingsAboveThreshold, "2 HIGH") } };

        await Assert.ThrowsAsync<EcrPublishException>(() => PublishAsync(stages));

        Assert.Equal([Building, Preparing, Provisioning, Pushing, Attaching, WaitingForSigning, Gating], stages.Calls);
        Assert.Contains("EcrPublish: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/hello@sha256:top tags latest (2 layer(s) uploaded)", _log.Lines);
        Assert.Null(stages.Reported);
    }

    [Fact]
    public async Task Waits_for_the_signing_of_the_pushed_image_after_the_attach_and_before_the_scan_gate()
    {
        var stages = new InMemoryPublishStages();

        var result = await PublishAsync(stages);

        Assert.Same(Pushed, stages.SigningWaitedFor);
        Assert.True(stages.Calls.IndexOf(Attaching) < stages.Calls.IndexOf(WaitingForSigning));
        Assert.True(stages.Calls.IndexOf(WaitingForSigning) < stages.Calls.IndexOf(Gating));
        Assert.Same(stages.Signed, result.Images[0].Signing);
    }

    [Theory]
    [InlineData(SigningWaitMode.Auto, true)]
    [InlineData(SigningWaitMode.Required, true)]
    [InlineData(SigningWaitMode.Off, false)]
    public async Task Asks_about_signing_unless_EcrWaitForSigning_is_false(SigningWaitMode mode, bool asked)
    {
        var stages = new InMemoryPublishStages();

        var result = await PublishAsync(stages, ScanRequest(ScanMode.Start) with { SigningWait = new SigningWaitSettings(mode, TimeSpan.FromMinutes(1)) });

        Assert.Equal(asked, stages.Calls.Contains(WaitingForSigning));
        Assert.Equal(asked ? stages.Signed : null, result.Images[0].Signing);
        Assert.Equal([Building, Preparing, Provisioning, Pushing, Attaching], stages.Calls.Take(5));
        Assert.Equal([Gating, Reporting], stages.Calls.TakeLast(2));
    }

    [Fact]
    public async Task An_image_the_registry_does_not_sign_is_reported_unsigned()
    {
        var stages = new InMemoryPublishStages { Signed = null };

        var result = await PublishAsync(stages);

        Assert.Contains(WaitingForSigning, stages.Calls);
        Assert.Null(result.Images[0].Signing);
        Assert.Equal(Reporting, stages.Calls[^1]);
    }

    [Fact]
    public async Task A_signing_failure_leaves_the_image_pushed_and_attached_but_scans_nothing_and_writes_no_result()
    {
        var stages = new InMemoryPublishStages { Failures = { [WaitingForSigning] = new EcrPublishException(SigningWaitErrorCodes.Failed, "SIGNING_ERROR") } };

        var thrown = await Assert.ThrowsAsync<EcrPublishException>(() => PublishAsync(stages));

        Assert.Equal(SigningWaitErrorCodes.Failed, thrown.Code);
        Assert.Equal([Building, Preparing, Provisioning, Pushing, Attaching, WaitingForSigning], stages.Calls);
        Assert.Contains("EcrPublish: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/hello@sha256:top tags latest (2 layer(s) uploaded)", _log.Lines);
        Assert.Null(stages.Reported);
    }

    [Theory]
    [InlineData(ScanMode.None, true, null)]
    [InlineData(null, false, null)]
    [InlineData(null, true, ScanMode.Wait)]
    [InlineData(ScanMode.Wait, false, ScanMode.Wait)]
    [InlineData(ScanMode.Start, false, ScanMode.Start)]
    public async Task Scans_only_when_EcrScan_or_else_the_repository_asks(ScanMode? requested, bool scansOnPush, ScanMode? expected)
    {
        var stages = new InMemoryPublishStages { ScansOnPush = scansOnPush };

        var result = await PublishAsync(stages, ScanRequest(requested));

        Assert.Equal(expected, stages.ScannedWith);
        Assert.Equal(expected is not null, stages.Calls.Contains(Gating));
        Assert.Equal(expected is null ? null : "COMPLETE", result.Images[0].ScanStatus);
        Assert.Equal([Building, Preparing, Provisioning, Pushing, Attaching, WaitingForSigning], stages.Calls.Where(stage => stage != Gating).Take(6));
        Assert.Equal(Reporting, stages.Calls[^1]);
    }

    [Theory]
    [InlineData(false, null)]
    [InlineData(true, "/work/obj/scan.sarif")]
    public async Task A_SARIF_file_is_named_in_the_result_when_scanned_and_a_warning_says_why_not_otherwise(bool scansOnPush, string? named)
    {
        var stages = new InMemoryPublishStages { ScansOnPush = scansOnPush };
        var request = Request() with { Scan = new ScanSettings(null, TimeSpan.FromMinutes(1), null) { SarifFile = "/work/obj/scan.sarif" } };

        var result = await PublishAsync(stages, request);

        Assert.Equal(named, result.Images[0].SarifFile);
        Assert.Equal(!scansOnPush, _log.Lines.Any(line => line.StartsWith("ECR4507: EcrScanSarifFile is set, but the image was not scanned", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Reports_the_pushed_image_its_tags_and_scan_and_returns_what_it_reported()
    {
        var stages = new InMemoryPublishStages();

        var result = await PublishAsync(stages);

        Assert.Same(result, stages.Reported);
        var image = Assert.Single(result.Images);
        Assert.Equal("123456789012.dkr.ecr.eu-west-1.amazonaws.com/hello", image.RepositoryUri);
        Assert.Equal("sha256:top", image.Digest);
        Assert.Equal(["latest"], image.Tags);
        Assert.Equal(2, image.FindingCounts["HIGH"]);
    }

    [Theory]
    [InlineData(Building)]
    [InlineData(Preparing)]
    [InlineData(Provisioning)]
    [InlineData(Pushing)]
    [InlineData(Attaching)]
    [InlineData(WaitingForSigning)]
    [InlineData(Gating)]
    [InlineData(Reporting)]
    public async Task A_stage_error_surfaces_unchanged(string stage)
    {
        var coded = new EcrPublishException("ECR9999", $"{stage} failed");
        var stages = new InMemoryPublishStages { Failures = { [stage] = coded } };

        var thrown = await Assert.ThrowsAsync<EcrPublishException>(() => PublishAsync(stages));

        Assert.Same(coded, thrown);
        Assert.Equal(stage, stages.Calls[^1]);
        Assert.True(stages.Disposed);
    }

    [Fact]
    public async Task An_uncoded_stage_error_surfaces_unchanged_too()
    {
        var failure = new IOException("disk full");
        var stages = new InMemoryPublishStages { Failures = { [Pushing] = failure } };

        Assert.Same(failure, await Assert.ThrowsAsync<IOException>(() => PublishAsync(stages)));
    }

    [Theory]
    [InlineData(Building, Preparing)]
    [InlineData(Preparing, Provisioning)]
    [InlineData(Provisioning, Pushing)]
    [InlineData(Pushing, Attaching)]
    [InlineData(Attaching, WaitingForSigning)]
    [InlineData(WaitingForSigning, Gating)]
    [InlineData(Gating, Reporting)]
    public async Task Cancellation_stops_before_the_next_stage(string cancelledDuring, string neverRun)
    {
        using var cancellation = new CancellationTokenSource();
        var stages = new InMemoryPublishStages { After = { [cancelledDuring] = cancellation.Cancel } };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => PublishAsync(stages, cancellationToken: cancellation.Token));

        Assert.Equal(cancelledDuring, stages.Calls[^1]);
        Assert.DoesNotContain(neverRun, stages.Calls);
        Assert.True(stages.Disposed);
    }
}
