using EcrPublish.Core.Tests.Tagging;
using EcrPublish.Publishing;
using EcrPublish.Validation;
using Xunit;

namespace EcrPublish.Core.Tests.Publishing;

/// <summary>The <c>EcrDestination</c> items as <see cref="PublishRequestValidator"/> reads them: ECR1070–ECR1075, before anything is pushed.</summary>
public sealed class DestinationValidatorTests : IDisposable
{
    private readonly TemporaryDirectory _project = new();

    public DestinationValidatorTests() => Directory.CreateDirectory(Path.Combine(_project.Path, "publish"));

    public void Dispose() => _project.Dispose();

    private EcrPublishInputs Inputs(params DestinationInput[] destinations) => new()
    {
        ProjectDirectory = _project.Path,
        ProjectName = "hello",
        PublishDirectory = Path.Combine(_project.Path, "publish"),
        ImageTags = ["v1.0.0", "latest"],
        Region = "eu-west-1",
        Project = new ProjectFacts("hello", "hello", "hello.dll", "10.0", false, true, "1.0.0"),
        Destinations = destinations,
    };

    private static DestinationInput Item(string spec, params (string Name, string Value)[] metadata) =>
        new(spec, metadata.ToDictionary(pair => pair.Name, pair => pair.Value));

    private static IEnumerable<string> Codes(PublishValidationResult result) => result.Diagnostics.Select(diagnostic => diagnostic.Code);

    [Fact]
    public void A_registry_host_as_include_gives_account_region_and_the_main_repository()
    {
        var result = PublishRequestValidator.Validate(Inputs(Item("111122223333.dkr.ecr.us-west-2.amazonaws.com")));

        Assert.Empty(result.Diagnostics);
        var destination = Assert.Single(result.Request!.Destinations);
        Assert.Equal(("111122223333", "us-west-2", "hello"), (destination.RegistryId, destination.Region, destination.Repository));
        Assert.Null(destination.ServiceUrl);
    }

    [Fact]
    public void A_repository_after_the_host_and_a_fips_host_are_read_from_the_include()
    {
        var result = PublishRequestValidator.Validate(Inputs(Item("111122223333.dkr.ecr-fips.us-east-1.amazonaws.com/team/hello")));

        var destination = Assert.Single(result.Request!.Destinations);
        Assert.Equal(("team/hello", true), (destination.Repository, destination.UseFips));
    }

    [Fact]
    public void A_named_item_takes_its_metadata_and_the_request_seen_from_it_keeps_tags_and_settings()
    {
        var result = PublishRequestValidator.Validate(Inputs(Item("dr",
            ("Region", "eu-central-1"), ("RegistryId", "444455556666"), ("Repository", "mirror/hello"),
            ("ServiceUrl", "http://127.0.0.1:4566"), ("RegistryEndpoint", "http://localhost:5000"), ("Profile", "dr"))));

        var request = Assert.IsType<EcrPublishRequest>(result.Request);
        var seen = request.ForDestination(Assert.Single(request.Destinations));
        Assert.Equal(("eu-central-1", "444455556666", "mirror/hello", "dr"), (seen.Region, seen.RegistryId, seen.Repository, seen.Profile));
        Assert.Equal(new Uri("http://127.0.0.1:4566"), seen.ServiceUrl);
        Assert.Equal(new Uri("http://localhost:5000"), seen.RegistryEndpoint);
        Assert.Equal(request.Tags, seen.Tags);
        Assert.Same(request.RepositorySettings, seen.RepositorySettings);
        Assert.Empty(seen.Destinations);
    }

    [Fact]
    public void An_item_that_names_no_registry_or_a_bad_region_account_or_repository_is_ECR1070()
    {
        var result = PublishRequestValidator.Validate(Inputs(
            Item("backup"),
            Item("a", ("Region", "Oregon")),
            Item("b", ("Region", "us-west-2"), ("RegistryId", "123")),
            Item("c", ("Region", "us-west-2"), ("Repository", "Bad Name"))));

        Assert.Null(result.Request);
        Assert.Equal(4, Codes(result).Count(code => code == InputCodes.InvalidDestination));
        Assert.Contains(result.Diagnostics, diagnostic => diagnostic.Message.Contains("'backup' names no registry", StringComparison.Ordinal));
    }

    [Fact]
    public void Metadata_that_contradicts_the_include_is_ECR1071()
    {
        var result = PublishRequestValidator.Validate(Inputs(Item("111122223333.dkr.ecr.us-west-2.amazonaws.com/hello", ("Region", "us-east-1"), ("Repository", "other"))));

        Assert.Equal([InputCodes.ConflictingDestination, InputCodes.ConflictingDestination], Codes(result));
    }

    [Fact]
    public void A_bad_or_cleartext_endpoint_is_ECR1072_unless_loopback_or_allowed()
    {
        var bad = PublishRequestValidator.Validate(Inputs(
            Item("a", ("Region", "us-west-2"), ("ServiceUrl", "not a url")),
            Item("b", ("Region", "us-west-2"), ("RegistryEndpoint", "http://registry.example.com"))));
        var allowed = PublishRequestValidator.Validate(Inputs(Item("b", ("Region", "us-west-2"), ("RegistryEndpoint", "http://registry.example.com"))) with { AllowInsecureEndpoints = "true" });

        Assert.Equal([InputCodes.InvalidDestinationEndpoint, InputCodes.InvalidDestinationEndpoint], Codes(bad));
        Assert.Empty(allowed.Diagnostics);
    }

    [Fact]
    public void The_same_repository_twice_or_the_main_one_again_is_ECR1073()
    {
        var result = PublishRequestValidator.Validate(Inputs(
            Item("111122223333.dkr.ecr.us-west-2.amazonaws.com"),
            Item("again", ("Region", "us-west-2"), ("RegistryId", "111122223333")),
            Item("main", ("Region", "eu-west-1"))));

        Assert.Equal([InputCodes.DuplicateDestination, InputCodes.DuplicateDestination], Codes(result));
        Assert.Contains(result.Diagnostics, diagnostic => diagnostic.Message.Contains("as the main publish", StringComparison.Ordinal));
    }

    [Fact]
    public void Destinations_need_a_push_and_the_daemonless_builder()
    {
        var withoutPush = PublishRequestValidator.Validate(Inputs(Item("dr", ("Region", "us-west-2"))) with { Push = "false", LoadInto = "Docker" });
        var withDocker = PublishRequestValidator.Validate(Inputs(Item("dr", ("Region", "us-west-2"))) with { ImageBuilder = "Docker" });

        Assert.Equal([InputCodes.DestinationsWithoutPush], Codes(withoutPush));
        Assert.Contains(InputCodes.DestinationsWithDockerBuilder, Codes(withDocker));
    }
}
