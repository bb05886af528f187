using EcrPublish.EcrRules;
using Xunit;

namespace EcrPublish.Core.Tests.EcrRules;

/// <summary>Which repositories a repository creation template's prefix covers, and the prefix ECR3130 suggests.</summary>
public sealed class EcrRepositoryCreationTemplatePrefixTests
{
    [Theory]
    [InlineData("ROOT", "app", true)]
    [InlineData("ROOT", "team/app", true)]
    [InlineData("team", "team/app", true)]
    [InlineData("team", "team/web/app", true)]
    [InlineData("team/web", "team/web/app", true)]
    [InlineData("team", "team", false)]
    [InlineData("team", "teams/app", false)]
    [InlineData("team/web", "team/app", false)]
    public void A_prefix_covers_the_names_under_it_and_ROOT_every_name(string prefix, string repository, bool covered) =>
        Assert.Equal(covered, EcrRepositoryCreationTemplatePrefix.Covers(prefix, repository));

    [Theory]
    [InlineData("team/web/app", "team")]
    [InlineData("app", "ROOT")]
    public void The_suggested_prefix_is_the_first_path_segment_else_ROOT(string repository, string prefix) =>
        Assert.Equal(prefix, EcrRepositoryCreationTemplatePrefix.Suggest(repository));
}
