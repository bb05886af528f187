using EcrPublish.Core.Tests.Tagging;
using EcrPublish.Publishing;
using EcrPublish.Validation;
using Xunit;

namespace EcrPublish.Core.Tests.Publishing;

/// <summary>EcrImageTagMutabilityExclusionFilter items and EcrCreateRepository=Template, checked before anything is pushed.</summary>
public sealed class RepositoryCreationValidationTests : IDisposable
{
    private readonly TemporaryDirectory _project = new();

    public RepositoryCreationValidationTests() => Directory.CreateDirectory(Path.Combine(_project.Path, "publish"));

    public void Dispose() => _project.Dispose();

    private EcrPublishInputs Inputs() => new()
    {
        ProjectDirectory = _project.Path,
        ProjectName = "Hello",
        PublishDirectory = Path.Combine(_project.Path, "publish"),
        ImageTags = ["v1.0.0"],
        Project = new ProjectFacts("Hello", "Hello", "Hello.dll", "10.0", false, true, "1.0.0"),
    };

    private static IReadOnlyList<EcrDiagnostic> Diagnostics(EcrPublishInputs inputs) => PublishRequestValidator.Validate(inputs).Diagnostics;

    [Fact]
    public void Listed_filters_replace_the_latest_default_and_ask_for_a_sync()
    {
        var settings = PublishRequestValidator.Validate(Inputs() with { ImageTagMutabilityExclusionFilters = ["latest", "dev-*", "*"] }).Request!.RepositorySettings;

        Assert.Equal(["latest", "dev-*", "*"], settings.TagMutabilityExclusionFilters);
        Assert.True(settings.SyncTagMutability);
    }

    [Fact]
    public void Without_items_the_default_filter_is_created_but_an_existing_repository_is_left_alone()
    {
        var settings = PublishRequestValidator.Validate(Inputs() with { ImageTagMutability = "MUTABLE_WITH_EXCLUSION" }).Request!.RepositorySettings;

        Assert.Equal(["latest"], settings.TagMutabilityExclusionFilters);
        Assert.False(settings.SyncTagMutability);
        Assert.Empty(PublishRequestValidator.Validate(Inputs() with { ImageTagMutability = "IMMUTABLE" }).Request!.RepositorySettings.TagMutabilityExclusionFilters);
    }

    [Theory]
    [InlineData("MUTABLE")]
    [InlineData("IMMUTABLE")]
    public void Filters_without_an_exclusion_mutability_are_ECR1080(string mutability)
    {
        var diagnostic = Assert.Single(Diagnostics(Inputs() with { ImageTagMutability = mutability, ImageTagMutabilityExclusionFilters = ["dev-*"] }));

        Assert.Equal(InputCodes.ExclusionFilterWithoutExclusionMutability, diagnostic.Code);
        Assert.Equal("ECR1080", diagnostic.Code);
        Assert.Contains("IMMUTABLE_WITH_EXCLUSION", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dev/*")]
    [InlineData("dev?")]
    [InlineData("tag with space")]
    public void A_filter_outside_ECRs_wildcard_pattern_is_ECR1081(string filter)
    {
        var diagnostic = Assert.Single(Diagnostics(Inputs() with { ImageTagMutabilityExclusionFilters = ["latest", filter] }));

        Assert.Equal("ECR1081", diagnostic.Code);
        Assert.Contains(filter, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_filter_longer_than_128_characters_or_listed_twice_is_ECR1081()
    {
        var diagnostics = Diagnostics(Inputs() with { ImageTagMutabilityExclusionFilters = [new string('a', 129), "dev-*", "dev-*"] });

        Assert.Equal(["ECR1081", "ECR1081"], diagnostics.Select(diagnostic => diagnostic.Code));
        Assert.Contains("listed twice", diagnostics[1].Message, StringComparison.Ordinal);
        Assert.Empty(Diagnostics(Inputs() with { ImageTagMutabilityExclusionFilters = [new string('a', 128)] }));
    }

    [Fact]
    public void More_than_five_filters_are_ECR1082()
    {
        Assert.Empty(Diagnostics(Inputs() with { ImageTagMutabilityExclusionFilters = ["a", "b", "c", "d", "e"] }));
        var diagnostic = Assert.Single(Diagnostics(Inputs() with { ImageTagMutabilityExclusionFilters = ["a", "b", "c", "d", "e", "f"] }));

        Assert.Equal("ECR1082", diagnostic.Code);
        Assert.Contains("at most 5", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Template")]
    [InlineData("template")]
    public void EcrCreateRepository_Template_leaves_the_creation_to_ECR(string value)
    {
        var result = PublishRequestValidator.Validate(Inputs() with { CreateRepository = value });

        Assert.Empty(result.Diagnostics);
        Assert.True(result.Request!.RepositorySettings.CreateByTemplate);
        Assert.False(result.Request.RepositorySettings.Create);
    }

    [Fact]
    public void Another_EcrCreateRepository_value_is_ECR1083()
    {
        var diagnostic = Assert.Single(Diagnostics(Inputs() with { CreateRepository = "sometimes" }));

        Assert.Equal("ECR1083", diagnostic.Code);
        Assert.Contains("true, false or Template", diagnostic.Message, StringComparison.Ordinal);
        Assert.False(PublishRequestValidator.Validate(Inputs() with { CreateRepository = "false" }).Request!.RepositorySettings.Create);
    }

    [Fact]
    public void Template_with_creation_settings_of_the_project_warns_ECR1084_and_names_them()
    {
        var result = PublishRequestValidator.Validate(Inputs() with
        {
            CreateRepository = "Template",
            ScanOnPush = "false",
            ImageTagMutability = "MUTABLE",
            RepositoryTags = [new("Team", "Backend")],
        });

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal("ECR1084", warning.Code);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("EcrScanOnPush, EcrImageTagMutability, EcrRepositoryTag", warning.Message, StringComparison.Ordinal);
        Assert.NotNull(result.Request);
    }
}
