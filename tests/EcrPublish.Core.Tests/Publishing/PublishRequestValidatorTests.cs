using EcrPublish.Core.Tests.Tagging;
using EcrPublish.Publishing;
using EcrPublish.Tagging;
using EcrPublish.Validation;
using Xunit;

namespace EcrPublish.Core.Tests.Publishing;

public sealed class PublishRequestValidatorTests : IDisposable
{
    private readonly TemporaryDirectory _project = new();

    public PublishRequestValidatorTests() => Directory.CreateDirectory(Path.Combine(_project.Path, "publish"));

    public void Dispose() => _project.Dispose();

    private EcrPublishInputs Inputs(string projectName = "My.Hello_Api") => new()
    {
        ProjectDirectory = _project.Path,
        ProjectName = projectName,
        PublishDirectory = Path.Combine(_project.Path, "publish"),
        ImageTags = ["v1.0.0", "latest"],
        Project = new ProjectFacts(projectName, projectName, projectName + ".dll", "10.0", false, true, "1.0.0"),
    };

    private static IEnumerable<string> Codes(PublishValidationResult result) => result.Diagnostics.Select(diagnostic => diagnostic.Code);

    [Fact]
    public void Minimal_inputs_give_a_request_with_the_documented_defaults()
    {
        var result = PublishRequestValidator.Validate(Inputs());

        Assert.Empty(result.Diagnostics);
        var request = Assert.IsType<EcrPublishRequest>(result.Request);
        Assert.Equal("my.hello_api", request.Repository);
        Assert.Equal(["v1.0.0", "latest"], request.Tags);
        Assert.True(request.RepositorySettings.Create);
        Assert.True(request.RepositorySettings.ScanOnPush);
        Assert.Equal("IMMUTABLE_WITH_EXCLUSION", request.RepositorySettings.TagMutability);
        Assert.Equal(["latest"], request.RepositorySettings.TagMutabilityExclusionFilters);
        Assert.Null(request.RepositorySettings.EncryptionType);
        Assert.Equal(ImageBuilderKind.Daemonless, request.ImageBuilder);
        Assert.Null(request.Scan.Mode);
        Assert.Equal(TimeSpan.FromMinutes(10), request.Scan.Timeout);
        Assert.Null(request.Scan.FailOnSeverity);
        Assert.Equal(Path.Combine(_project.Path, "obj", "ecrpublish.result.json"), request.ResultFile);
        Assert.Null(request.Region);
        Assert.Null(request.ServiceUrl);
    }

    [Fact]
    public void Every_bad_input_is_reported_in_one_round()
    {
        var inputs = Inputs() with
        {
            Repository = "Bad Name",
            Region = "Europe",
            RegistryId = "12345",
            ServiceUrl = "not a url",
            ImageTags = ["ok", "bad tag"],
            ImageTagMutability = "FROZEN",
            EncryptionType = "ROT13",
            ImageBuilder = "Podman",
            Scan = "Later",
            ScanTimeout = "-5",
            ScanFailOnSeverity = "SEVERE",
            CreateRepository = "maybe",
            RepositoryTags = [KeyValuePair.Create("aws:owner", "x")],
            LifecyclePolicyFile = "missing.json",
            ContainerPorts = [KeyValuePair.Create("80", "sctp")],
            ContainerEnvironmentVariables = [KeyValuePair.Create("1BAD", "x")],
            ContainerImageFormat = "Zip",
            ContainerAppCommandInstruction = "Run",
        };

        var result = PublishRequestValidator.Validate(inputs);

        Assert.Null(result.Request);
        Assert.Equal(
            new[]
            {
                InputCodes.InvalidRepositoryName, InputCodes.InvalidRegion, InputCodes.InvalidRegistryId, InputCodes.InvalidServiceUrl,
                InputCodes.InvalidTag, InputCodes.InvalidTagMutability, InputCodes.InvalidEncryptionType, InputCodes.InvalidRepositoryTag,
                InputCodes.InvalidCreateRepository, InputCodes.PolicyFileMissing, InputCodes.InvalidImageBuilder, InputCodes.InvalidScanMode,
                InputCodes.InvalidScanTimeout, InputCodes.InvalidSeverity, InputCodes.InvalidContainerPort,
                InputCodes.InvalidContainerEnvironmentVariable, InputCodes.InvalidContainerImageFormat, InputCodes.InvalidContainerAppCommandInstruction,
            }.Order(),
            Codes(result).Order());
        Assert.All(result.Diagnostics, diagnostic => Assert.True(diagnostic.IsError));
    }

    [Fact]
    public void Explicit_repository_name_is_checked_strictly_with_a_suggestion()
    {
        var result = PublishRequestValidator.Validate(Inputs() with { ContainerRepository = "Team/My App" });

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(InputCodes.InvalidRepositoryName, error.Code);
        Assert.Contains("ContainerRepository 'Team/My App'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'team-my-app'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EcrRepository_wins_over_ContainerRepository()
    {
        var result = PublishRequestValidator.Validate(Inputs() with { Repository = "team/api", ContainerRepository = "other" });

        Assert.Equal("team/api", result.Request?.Repository);
    }

    [Fact]
    public void Project_name_without_usable_characters_needs_EcrRepository()
    {
        var result = PublishRequestValidator.Validate(Inputs("__"));

        Assert.Equal(InputCodes.RepositoryNameNotDerivable, Assert.Single(result.Diagnostics).Code);
    }

    [Theory]
    [InlineData("us-east-1")]
    [InlineData("eu-central-2")]
    [InlineData("us-gov-west-1")]
    [InlineData("cn-northwest-1")]
    [InlineData("eusc-de-east-1")]
    public void Real_region_shapes_are_accepted(string region) =>
        Assert.Empty(PublishRequestValidator.Validate(Inputs() with { Region = region, RegistryId = "123456789012" }).Diagnostics);

    [Theory]
    [InlineData("US-EAST-1")]
    [InlineData("us-east")]
    [InlineData("useast1")]
    [InlineData("us_east_1")]
    public void Malformed_regions_are_rejected(string region) =>
        Assert.Equal([InputCodes.InvalidRegion], Codes(PublishRequestValidator.Validate(Inputs() with { Region = region })));

    [Fact]
    public void Lifecycle_policy_that_is_not_JSON_is_rejected()
    {
        File.WriteAllText(Path.Combine(_project.Path, "lifecycle.json"), "{ \"rules\": [ ");
        File.WriteAllText(Path.Combine(_project.Path, "policy.json"), "[1, 2]");

        var result = PublishRequestValidator.Validate(Inputs() with { LifecyclePolicyFile = "lifecycle.json", RepositoryPolicyFile = "policy.json" });

        Assert.Equal([InputCodes.PolicyFileNotJson, InputCodes.PolicyFileNotJson], Codes(result));
        Assert.Contains("EcrLifecyclePolicyFile", result.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Contains("JSON array", result.Diagnostics[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Policy_files_are_read_relative_to_the_project()
    {
        File.WriteAllText(Path.Combine(_project.Path, "lifecycle.json"), ValidLifecyclePolicy);

        var result = PublishRequestValidator.Validate(Inputs() with { LifecyclePolicyFile = "lifecycle.json" });

        Assert.Equal(ValidLifecyclePolicy, result.Request?.RepositorySettings.LifecyclePolicyJson);
    }

    [Fact]
    public void A_lifecycle_policy_ECR_would_refuse_is_rejected_with_the_lifecycle_codes()
    {
        // Valid JSON, but the 'any' rule does not come last: ECR refuses it, so the build must stop first.
        File.WriteAllText(Path.Combine(_project.Path, "lifecycle.json"), """
            {"rules":[
              {"rulePriority":1,"description":"everything","selection":{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":5},"action":{"type":"expire"}},
              {"rulePriority":2,"description":"untagged","selection":{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days","countNumber":1},"action":{"type":"expire"}}
            ]}
            """);

        var result = PublishRequestValidator.Validate(Inputs() with { LifecyclePolicyFile = "lifecycle.json" });

        Assert.Null(result.Request);
        var error = Assert.Single(result.Diagnostics);
        Assert.StartsWith("ECR41", error.Code, StringComparison.Ordinal);
        Assert.Contains("EcrLifecyclePolicyFile", error.Message, StringComparison.Ordinal);
    }

    private const string ValidLifecyclePolicy = """
        {"rules":[{"rulePriority":1,"description":"Expire untagged images older than 14 days","selection":{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days","countNumber":14},"action":{"type":"expire"}}]}
        """;

    [Fact]
    public void KMS_key_alone_means_KMS_encryption()
    {
        var result = PublishRequestValidator.Validate(Inputs() with { KmsKey = "alias/ecr" });

        Assert.Equal("KMS", result.Request?.RepositorySettings.EncryptionType);
    }

    [Fact]
    public void KMS_key_with_AES256_is_a_contradiction()
    {
        var result = PublishRequestValidator.Validate(Inputs() with { KmsKey = "alias/ecr", EncryptionType = "aes256" });

        Assert.Equal([InputCodes.KmsKeyWithoutKmsEncryption], Codes(result));
    }

    [Fact]
    public void Values_are_case_insensitive_and_normalised()
    {
        File.WriteAllText(Path.Combine(_project.Path, "Dockerfile"), "FROM scratch\n");
        var result = PublishRequestValidator.Validate(Inputs() with
        {
            ImageTagMutability = "mutable",
            Scan = "start",
            ScanFailOnSeverity = "high",
            ScanTimeout = "00:02:30",
            ImageBuilder = "docker",
            ContainerPorts = [KeyValuePair.Create("8080", ""), KeyValuePair.Create("53", "UDP")],
            RepositoryTags = [KeyValuePair.Create("Team", "Backend")],
        });

        var request = Assert.IsType<EcrPublishRequest>(result.Request);
        Assert.Equal("MUTABLE", request.RepositorySettings.TagMutability);
        Assert.Empty(request.RepositorySettings.TagMutabilityExclusionFilters);
        Assert.Equal(ScanMode.Start, request.Scan.Mode);
        Assert.Equal(FindingSeverity.High, request.Scan.FailOnSeverity);
        Assert.Equal(TimeSpan.FromSeconds(150), request.Scan.Timeout);
        Assert.Equal(ImageBuilderKind.Docker, request.ImageBuilder);
        Assert.Equal(Path.Combine(_project.Path, "Dockerfile"), request.DockerfilePath);
        Assert.Equal([new ContainerPortSpec(8080, "tcp"), new ContainerPortSpec(53, "udp")], request.Container.Ports);
        Assert.Equal("Backend", request.RepositorySettings.Tags["Team"]);
    }

    [Fact]
    public void The_Docker_builder_without_a_Dockerfile_is_rejected_before_anything_runs()
    {
        var result = PublishRequestValidator.Validate(Inputs() with { ImageBuilder = "Docker", Dockerfile = "build/Dockerfile" });

        Assert.Equal([InputCodes.MissingDockerfile], Codes(result));
        Assert.Contains(Path.Combine(_project.Path, "build", "Dockerfile"), result.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Naming_a_Dockerfile_selects_the_Docker_builder_with_its_context_and_build_args()
    {
        Directory.CreateDirectory(Path.Combine(_project.Path, "docker"));
        File.WriteAllText(Path.Combine(_project.Path, "docker", "Dockerfile"), "FROM scratch\n");

        var result = PublishRequestValidator.Validate(Inputs() with
        {
            Dockerfile = "docker/Dockerfile",
            DockerContext = ".",
            DockerBuildArgs = [KeyValuePair.Create("CONFIGURATION", "Release")],
        });

        var request = Assert.IsType<EcrPublishRequest>(result.Request);
        Assert.Equal(ImageBuilderKind.Docker, request.ImageBuilder);
        Assert.Equal(Path.Combine(_project.Path, "docker", "Dockerfile"), request.DockerfilePath);
        Assert.Equal(Path.GetFullPath(_project.Path), request.DockerContextDirectory);
        Assert.Equal("Release", request.DockerBuildArgs["CONFIGURATION"]);
    }

    [Fact]
    public void A_Dockerfile_next_to_the_project_chooses_nothing_and_one_coded_message_says_how_to_use_it()
    {
        File.WriteAllText(Path.Combine(_project.Path, "Dockerfile"), "FROM mcr.microsoft.com/dotnet/aspnet:6.0\n");

        var result = PublishRequestValidator.Validate(Inputs());

        var request = Assert.IsType<EcrPublishRequest>(result.Request);
        Assert.Equal(ImageBuilderKind.Daemonless, request.ImageBuilder);
        Assert.Null(request.DockerfilePath);
        var note = Assert.Single(result.Diagnostics);
        Assert.Equal((InputCodes.UnusedDockerfile, DiagnosticSeverity.Note), (note.Code, note.Severity));
        Assert.Contains(Path.Combine(_project.Path, "Dockerfile"), note.Message, StringComparison.Ordinal);
        Assert.Contains("EcrImageBuilder=Docker", note.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Daemonless", null, ImageBuilderKind.Daemonless)]
    [InlineData("docker", null, ImageBuilderKind.Docker)]
    [InlineData(null, "Dockerfile", ImageBuilderKind.Docker)]
    public void A_project_that_says_which_builder_gets_it_without_the_message(string? imageBuilder, string? dockerfile, ImageBuilderKind expected)
    {
        File.WriteAllText(Path.Combine(_project.Path, "Dockerfile"), "FROM scratch\n");

        var result = PublishRequestValidator.Validate(Inputs() with { ImageBuilder = imageBuilder, Dockerfile = dockerfile });

        Assert.Equal(expected, Assert.IsType<EcrPublishRequest>(result.Request).ImageBuilder);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void A_missing_Docker_context_and_a_bad_build_arg_name_are_rejected()
    {
        File.WriteAllText(Path.Combine(_project.Path, "Dockerfile"), "FROM scratch\n");

        var result = PublishRequestValidator.Validate(Inputs() with
        {
            ImageBuilder = "Docker",
            DockerContext = "no-such-folder",
            DockerBuildArgs = [KeyValuePair.Create("1BAD-NAME", "x")],
        });

        Assert.Equal([InputCodes.MissingDockerContext, InputCodes.InvalidDockerBuildArg], Codes(result));
    }

    [Fact]
    public void Numeric_enum_text_is_not_accepted() =>
        Assert.Equal([InputCodes.InvalidScanMode], Codes(PublishRequestValidator.Validate(Inputs() with { Scan = "1" })));

    [Fact]
    public void No_tags_is_an_error() =>
        Assert.Equal([InputCodes.NoTags], Codes(PublishRequestValidator.Validate(Inputs() with { ImageTags = [] })));

    [Fact]
    public void Missing_publish_folder_is_an_error() =>
        Assert.Equal(
            [InputCodes.MissingPublishDirectory],
            Codes(PublishRequestValidator.Validate(Inputs() with { PublishDirectory = Path.Combine(_project.Path, "nope") })));

    [Theory]
    [InlineData("Docker", EcrPublish.Docker.LocalEngine.Docker)]
    [InlineData("podman", EcrPublish.Docker.LocalEngine.Podman)]
    [InlineData("DOCKER", EcrPublish.Docker.LocalEngine.Docker)]
    public void EcrLoadInto_names_an_engine_in_any_case(string value, EcrPublish.Docker.LocalEngine engine)
    {
        var result = PublishRequestValidator.Validate(Inputs() with { LoadInto = value, Push = "false" });

        Assert.Empty(result.Diagnostics);
        Assert.Equal(engine, result.Request!.LoadInto);
        Assert.False(result.Request.Push);
    }

    [Fact]
    public void By_default_the_image_is_pushed_and_loaded_nowhere()
    {
        var request = PublishRequestValidator.Validate(Inputs()).Request!;

        Assert.True(request.Push);
        Assert.Null(request.LoadInto);
    }

    [Fact]
    public void An_unknown_engine_is_ECR1076()
    {
        var result = PublishRequestValidator.Validate(Inputs() with { LoadInto = "containerd" });

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(InputCodes.InvalidLoadInto, diagnostic.Code);
        Assert.Contains("EcrLoadInto (or LocalRegistry) 'containerd' is not one of Docker, Podman", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EcrPush_false_without_an_engine_to_load_into_is_ECR1077()
    {
        var result = PublishRequestValidator.Validate(Inputs() with { Push = "false" });

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(InputCodes.NothingToPublish, diagnostic.Code);
        Assert.Contains("Set EcrLoadInto=Docker or EcrLoadInto=Podman", diagnostic.Message, StringComparison.Ordinal);
        Assert.Null(result.Request);
    }

    [Theory]
    [InlineData("Wait")]
    [InlineData("Start")]
    public void EcrPush_false_with_a_scan_is_ECR1078(string scan)
    {
        var result = PublishRequestValidator.Validate(Inputs() with { Push = "false", LoadInto = "Docker", Scan = scan });

        Assert.Equal([InputCodes.ScanWithoutPush], Codes(result));
    }

    [Fact]
    public void EcrPush_false_with_EcrScan_None_is_fine()
    {
        var result = PublishRequestValidator.Validate(Inputs() with { Push = "false", LoadInto = "Docker", Scan = "None" });

        Assert.Empty(result.Diagnostics);
    }

    [Theory]
    [InlineData(null, SigningWaitMode.Auto)]
    [InlineData("auto", SigningWaitMode.Auto)]
    [InlineData("TRUE", SigningWaitMode.Required)]
    [InlineData("false", SigningWaitMode.Off)]
    public void EcrWaitForSigning_is_auto_true_or_false(string? value, SigningWaitMode expected)
    {
        var request = PublishRequestValidator.Validate(Inputs() with { WaitForSigning = value, SigningTimeout = "00:01:30" }).Request!;

        Assert.Equal(new SigningWaitSettings(expected, TimeSpan.FromSeconds(90)), request.SigningWait);
    }

    [Fact]
    public void Signing_defaults_to_auto_for_five_minutes_and_bad_values_get_their_own_codes()
    {
        Assert.Equal(SigningWaitSettings.Default, PublishRequestValidator.Validate(Inputs()).Request!.SigningWait);
        Assert.Equal(new SigningWaitSettings(SigningWaitMode.Auto, TimeSpan.FromMinutes(5)), SigningWaitSettings.Default);
        var bad = PublishRequestValidator.Validate(Inputs() with { WaitForSigning = "yes", SigningTimeout = "2 days" });
        Assert.Equal([SigningWaitErrorCodes.InvalidMode, SigningWaitErrorCodes.InvalidTimeout], Codes(bad));
        Assert.Contains("auto", bad.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_build_parameters_keep_the_tag_templates_as_written_and_default_to_the_default_templates()
    {
        var request = PublishRequestValidator.Validate(Inputs() with { Configuration = "Release", SdkVersion = "10.0.100", ImageTagTemplates = " v{version} ; {sha:7};" }).Request!;
        var defaults = PublishRequestValidator.Validate(Inputs()).Request!;

        Assert.Equal("Release", request.Build.Configuration);
        Assert.Equal("10.0.100", request.Build.SdkVersion);
        Assert.Equal(["v{version}", "{sha:7}"], request.Build.TagTemplates);
        Assert.Equal("", defaults.Build.Configuration);
        Assert.Null(defaults.Build.SdkVersion);
        Assert.Equal(["v{version}", "{sha}", "v{version}-{sha}", "latest"], defaults.Build.TagTemplates);
    }
}
