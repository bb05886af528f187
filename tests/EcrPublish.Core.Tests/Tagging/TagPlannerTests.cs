using EcrPublish.Tagging;
using EcrPublish.Validation;
using Xunit;

namespace EcrPublish.Core.Tests.Tagging;

public class TagPlannerTests
{
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";
    private static readonly DateTimeOffset CommitTime = new(2026, 3, 4, 22, 5, 6, TimeSpan.FromHours(-3));

    private static TagContext Context(string? version = "1.2.3", string? sha = Sha, string? branch = "main", string? build = "42", string? environment = "staging") =>
        new(version, new GitFacts(sha, CommitTime, branch, false, null, GitFactsSource.Repository), CommitTime, build, environment);

    private static EcrDiagnostic SingleError(TagPlan plan)
    {
        Assert.False(plan.Succeeded);
        Assert.Empty(plan.Tags);
        return Assert.Single(plan.Errors);
    }

    [Fact]
    public void Default_templates_give_version_sha_both_and_latest()
    {
        var plan = TagPlanner.Plan(TagPlanner.DefaultTemplates, Context());

        Assert.True(plan.Succeeded);
        Assert.Equal(["v1.2.3", "0123456", "v1.2.3-0123456", "latest"], plan.Tags);
    }

    [Theory]
    [InlineData("{version}", "1.2.3")]
    [InlineData("{sha}", "0123456")]
    [InlineData("{sha:12}", "0123456789ab")]
    [InlineData("{sha:40}", Sha)]
    [InlineData("{date}", "20260305")] // the commit time in UTC, not local time
    [InlineData("{date:yyyyMMddHHmmss}", "20260305010506")]
    [InlineData("{build}", "42")]
    [InlineData("{branch}", "main")]
    [InlineData("{env}", "staging")]
    [InlineData("{env}-{build}.{SHA}", "staging-42.0123456")]
    [InlineData("literal_only", "literal_only")]
    public void Every_token_renders_its_value(string template, string expected)
    {
        var plan = TagPlanner.Plan(template, Context());

        Assert.Equal([expected], plan.Tags);
    }

    [Fact]
    public void Branch_is_sanitised_into_a_valid_tag()
    {
        var plan = TagPlanner.Plan("{branch}-{sha}", Context(branch: "feature/Login#2"));

        Assert.Equal(["feature-Login-2-0123456"], plan.Tags);
    }

    [Fact]
    public void Build_metadata_plus_in_version_becomes_dash()
    {
        var plan = TagPlanner.Plan("v{version}", Context(version: "1.0.0-beta.1+abc"));

        Assert.Equal(["v1.0.0-beta.1-abc"], plan.Tags);
    }

    [Fact]
    public void Duplicate_tags_are_removed_keeping_first_position()
    {
        var plan = TagPlanner.Plan("latest;{sha};latest; {sha:7} ;;", Context());

        Assert.Equal(["latest", "0123456"], plan.Tags);
    }

    [Fact]
    public void Unknown_token_names_template_token_and_known_tokens()
    {
        var error = SingleError(TagPlanner.Plan("latest;v{versoin}", Context()));

        Assert.Equal(InputCodes.UnknownTagToken, error.Code);
        Assert.Contains("{versoin}", error.Message, StringComparison.Ordinal);
        Assert.Contains("'v{versoin}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("{version}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_outside_CI_says_which_variables_to_set()
    {
        var error = SingleError(TagPlanner.Plan("{build}", Context(build: null)));

        Assert.Equal(InputCodes.TagTokenHasNoValue, error.Code);
        Assert.Contains("GITHUB_RUN_NUMBER", error.Message, StringComparison.Ordinal);
        Assert.Contains("BUILD_NUMBER", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{env}", "EcrEnvironment")]
    [InlineData("{version}", "Version")]
    [InlineData("{sha}", "GITHUB_SHA")]
    [InlineData("{branch}", "Check out a branch")]
    public void Token_without_value_says_what_to_set(string template, string remedy)
    {
        var error = SingleError(TagPlanner.Plan(template, Context(version: "", sha: null, branch: null, environment: null)));

        Assert.Equal(InputCodes.TagTokenHasNoValue, error.Code);
        Assert.Contains(template, error.Message, StringComparison.Ordinal);
        Assert.Contains(remedy, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{sha:3}")]
    [InlineData("{sha:41}")]
    [InlineData("{sha:x}")]
    [InlineData("{version:2}")]
    [InlineData("{date:%}")]
    public void Bad_token_argument_is_reported(string template)
    {
        var error = SingleError(TagPlanner.Plan(template, Context()));

        Assert.Equal(InputCodes.InvalidTagTokenArgument, error.Code);
        Assert.Contains(template, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v{version")]
    [InlineData("v}version")]
    [InlineData("{{sha}}")]
    public void Unbalanced_braces_are_malformed(string template)
    {
        var error = SingleError(TagPlanner.Plan(template, Context()));

        Assert.Equal(InputCodes.MalformedTagTemplate, error.Code);
    }

    [Fact]
    public void Invalid_character_from_a_token_names_the_token()
    {
        var error = SingleError(TagPlanner.Plan("build-{date:yyyy MM}", Context()));

        Assert.Equal(InputCodes.InvalidTag, error.Code);
        Assert.Contains("'build-{date:yyyy MM}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("token {date:yyyy MM}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("my tag", "literal text")]
    [InlineData("-{sha}", "may not start with '-'")]
    [InlineData(".hidden", "may not start with '.'")]
    public void Invalid_literal_is_reported(string template, string reason)
    {
        var error = SingleError(TagPlanner.Plan(template, Context()));

        Assert.Equal(InputCodes.InvalidTag, error.Code);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_long_tag_names_the_longest_token()
    {
        var error = SingleError(TagPlanner.Plan(new string('a', 100) + "-{env}", Context(environment: new string('e', 40))));

        Assert.Equal(InputCodes.InvalidTag, error.Code);
        Assert.Contains("141 characters", error.Message, StringComparison.Ordinal);
        Assert.Contains("{env}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_template_is_reported_at_once()
    {
        var plan = TagPlanner.Plan("{nope};{build};ok;{sha:1}", Context(build: null));

        Assert.Equal([InputCodes.UnknownTagToken, InputCodes.TagTokenHasNoValue, InputCodes.InvalidTagTokenArgument], plan.Errors.Select(error => error.Code));
        Assert.Empty(plan.Tags);
    }

    [Fact]
    public void Empty_template_list_is_an_error()
    {
        var error = SingleError(TagPlanner.Plan(" ; ", Context()));

        Assert.Equal(InputCodes.NoTags, error.Code);
    }
}
