using EcrPublish.Publishing;
using EcrPublish.Scanning;
using Xunit;
using static EcrPublish.Core.Tests.Publishing.InMemoryPublishStages;

namespace EcrPublish.Core.Tests.Publishing;

/// <summary>The EcrDestination rules of <see cref="EcrPublishPipeline"/>'s doc comment, with in-memory stages for the main publish and two destinations.</summary>
public sealed class EcrPublishPipelineDestinationTests : IDisposable
{
    private readonly RecordingPublishLog _log = new();
    private readonly InMemoryPublishStages _main = new();
    private readonly InMemoryPublishStages _west;
    private readonly InMemoryPublishStages _east;

    public EcrPublishPipelineDestinationTests()
    {
        _west = new InMemoryPublishStages { Calls = _main.Calls, CallPrefix = "west:", RepositoryUri = "111122223333.dkr.ecr.us-west-2.amazonaws.com/hello" };
        _east = new InMemoryPublishStages { Calls = _main.Calls, CallPrefix = "east:", RepositoryUri = "444455556666.dkr.ecr.us-east-1.amazonaws.com/mirror/hello" };
        _main.ByRegion["us-west-2"] = _west;
        _main.ByRegion["us-east-1"] = _east;
    }

    public void Dispose()
    {
        _main.Dispose();
        _west.Dispose();
        _east.Dispose();
    }

    private static EcrPublishRequest Request() => EcrPublishPipelineTests.Request() with
    {
        Region = "eu-west-1",
        Scan = new ScanSettings(ScanMode.Wait, TimeSpan.FromMinutes(1), null),
        Destinations =
        [
            new EcrDestination("111122223333.dkr.ecr.us-west-2.amazonaws.com", "us-west-2", "111122223333", "hello"),
            new EcrDestination("dr", "us-east-1", "444455556666", "mirror/hello"),
        ],
    };

    private Task<EcrPublishResult> PublishAsync() => new EcrPublishPipeline(_main).PublishAsync(Request(), _log, CancellationToken.None);

    private int Last(params string[] calls) => calls.Max(call => _main.Calls.LastIndexOf(call));

    private int First(params string[] calls) => calls.Min(call => _main.Calls.IndexOf(call) is var index and >= 0 ? index : int.MaxValue);

    [Fact]
    public async Task One_build_then_every_provision_then_every_push_then_every_attach_and_the_gate_on_the_main_destination_only()
    {
        var result = await PublishAsync();

        Assert.Equal(1, _main.Calls.Count(call => call == Building));
        Assert.True(Last(Provisioning, "west:" + Provisioning, "east:" + Provisioning) < First(Pushing, "west:" + Pushing, "east:" + Pushing));
        Assert.True(Last(Pushing, "west:" + Pushing, "east:" + Pushing) < First(Attaching, "west:" + Attaching, "east:" + Attaching));
        Assert.True(Last(Attaching, "west:" + Attaching, "east:" + Attaching) < First(WaitingForSigning, Gating));
        Assert.DoesNotContain(_main.Calls, call => call.EndsWith(Gating, StringComparison.Ordinal) && call != Gating);
        Assert.DoesNotContain(_main.Calls, call => call.EndsWith(WaitingForSigning, StringComparison.Ordinal) && call != WaitingForSigning);
        Assert.Equal(Reporting, _main.Calls[^1]);
        Assert.Same(_main.Built, _west.PushedOutput);
        Assert.Same(_main.Built, _east.PushedOutput);
        Assert.True(_west.Disposed && _east.Disposed && _main.Disposed);

        Assert.Equal(
            [(null, "123456789012.dkr.ecr.eu-west-1.amazonaws.com/hello"), ("111122223333.dkr.ecr.us-west-2.amazonaws.com", "111122223333.dkr.ecr.us-west-2.amazonaws.com/hello"), ("dr", "444455556666.dkr.ecr.us-east-1.amazonaws.com/mirror/hello")],
            result.Images.Select(image => (image.Destination, image.RepositoryUri)));
        Assert.All(result.Images, image => Assert.Equal(Pushed.Digest, image.Digest));
        Assert.Equal("COMPLETE", result.Images[0].ScanStatus);
        Assert.Null(result.Images[2].ScanStatus);
        Assert.Same(_main.Reported, result);
        Assert.Contains(_log.Lines, line => line.Contains("444455556666.dkr.ecr.us-east-1.amazonaws.com/mirror/hello@sha256:top", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_destination_sees_its_own_region_account_and_repository_with_the_main_tags()
    {
        await PublishAsync();

        var dr = Assert.Single(_main.Requests, request => request.Region == "us-east-1");
        Assert.Equal(("444455556666", "mirror/hello", null), (dr.RegistryId, dr.Repository, dr.ServiceUrl));
        Assert.Equal(["latest"], dr.Tags);
        Assert.Empty(dr.Destinations);
        Assert.Equal("mirror/hello", _east.Target!.Repository);
    }

    [Fact]
    public async Task A_destination_that_cannot_be_provisioned_stops_the_publish_before_any_push_with_ECR3127()
    {
        _east.Failures[Provisioning] = new EcrPublishException("ECR3108", "denied: not authorized to CreateRepository");

        var failure = await Assert.ThrowsAsync<EcrPublishException>(PublishAsync);

        Assert.Equal(PublishErrorCodes.DestinationProvisionFailed, failure.Code);
        Assert.Contains("EcrDestination 'dr' failed: ECR3108: denied", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_main.Calls, call => call.EndsWith(Pushing, StringComparison.Ordinal));
        Assert.True(_west.Disposed && _east.Disposed);
    }

    [Fact]
    public async Task A_destination_whose_signing_key_cannot_sign_stops_the_publish_before_any_push()
    {
        _west.Failures[Preparing] = new EcrPublishException("ECR8111", "KMS has no key alias/release-signing");

        var failure = await Assert.ThrowsAsync<EcrPublishException>(PublishAsync);

        Assert.Equal(PublishErrorCodes.DestinationProvisionFailed, failure.Code);
        Assert.Contains("ECR8111", failure.Message, StringComparison.Ordinal);
        Assert.True(_main.Calls.IndexOf("west:" + Preparing) >= 0);
        Assert.DoesNotContain(_main.Calls, call => call.EndsWith(Pushing, StringComparison.Ordinal));
    }

    [Fact]
    public void A_destination_request_keeps_the_main_publish_for_its_signing_key()
    {
        var main = Request();

        var west = main.ForDestination(main.Destinations[0]);

        Assert.Equal("us-west-2", west.Region);
        Assert.Same(main, west.Main);
        Assert.Null(main.Main);
    }

    [Fact]
    public async Task A_failed_push_lets_the_others_finish_names_it_and_the_complete_ones_and_attaches_nothing()
    {
        _west.Failures[Pushing] = new EcrPublishException("ECR3106", "registry unreachable");

        var failure = await Assert.ThrowsAsync<EcrPublishException>(PublishAsync);

        Assert.Equal(PublishErrorCodes.DestinationPushFailed, failure.Code);
        Assert.Contains("EcrDestination '111122223333.dkr.ecr.us-west-2.amazonaws.com' (111122223333.dkr.ecr.us-west-2.amazonaws.com/hello) failed: ECR3106: registry unreachable", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Pushed completely, tags included: the main destination (123456789012.dkr.ecr.eu-west-1.amazonaws.com/hello@sha256:top), EcrDestination 'dr'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("east:" + Pushing, _main.Calls);
        Assert.DoesNotContain(_main.Calls, call => call.EndsWith(Attaching, StringComparison.Ordinal) || call == Gating || call == Reporting);
    }

    [Fact]
    public async Task A_failed_main_push_is_named_too()
    {
        _main.Failures[Pushing] = new EcrPublishException("ECR3103", "tag invalid");

        var failure = await Assert.ThrowsAsync<EcrPublishException>(PublishAsync);

        Assert.Equal(PublishErrorCodes.DestinationPushFailed, failure.Code);
        Assert.Contains("the main destination (123456789012.dkr.ecr.eu-west-1.amazonaws.com/hello) failed: ECR3103: tag invalid", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_attach_in_a_destination_is_ECR3126_and_nothing_is_gated_or_reported()
    {
        _east.Failures[Attaching] = new InvalidOperationException("referrers API down");

        var failure = await Assert.ThrowsAsync<EcrPublishException>(PublishAsync);

        Assert.Equal(PublishErrorCodes.DestinationAttachFailed, failure.Code);
        Assert.Contains("EcrDestination 'dr' failed: referrers API down", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_main.Calls, call => call == Gating || call == Reporting);
    }

    [Fact]
    public async Task Without_destinations_a_push_failure_surfaces_unchanged()
    {
        _main.Failures[Pushing] = new EcrPublishException("ECR3103", "tag invalid");

        var failure = await Assert.ThrowsAsync<EcrPublishException>(() =>
            new EcrPublishPipeline(_main).PublishAsync(Request() with { Destinations = [] }, _log, CancellationToken.None));

        Assert.Equal("ECR3103", failure.Code);
        Assert.Equal(1, _main.Creations);
    }
}
