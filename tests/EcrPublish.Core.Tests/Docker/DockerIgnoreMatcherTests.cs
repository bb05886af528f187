using EcrPublish.Docker;
using Xunit;

namespace EcrPublish.Core.Tests.Docker;

public sealed class DockerIgnoreMatcherTests
{
    [Theory]
    [InlineData("*.pdb", "App.pdb", true)]
    [InlineData("*.pdb", "sub/App.pdb", false)]
    [InlineData("**/*.pdb", "sub/deep/App.pdb", true)]
    [InlineData("**/*.pdb", "App.pdb", true)]
    [InlineData("docs", "docs/readme.md", true)]
    [InlineData("docs/", "docs/readme.md", true)]
    [InlineData("/docs", "docs/a/b.md", true)]
    [InlineData("docs/**", "docs/a/b.md", true)]
    [InlineData("docs/**/b.md", "docs/b.md", true)]
    [InlineData("docs/**/b.md", "docs/x/y/b.md", true)]
    [InlineData("a?c.txt", "abc.txt", true)]
    [InlineData("a?c.txt", "a/c.txt", false)]
    [InlineData("file[0-9].txt", "file7.txt", true)]
    [InlineData("file[0-9].txt", "filex.txt", false)]
    [InlineData("file[^0-9].txt", "filex.txt", true)]
    [InlineData(@"lit\*.txt", "lit*.txt", true)]
    [InlineData(@"lit\*.txt", "litx.txt", false)]
    [InlineData("./bin/../obj", "obj/x.dll", true)]
    [InlineData("app.dll", "app.dllx", false)]
    [InlineData("a.b", "axb", false)]
    public void Applies_dockers_pattern_rules(string pattern, string path, bool excluded)
    {
        Assert.Equal(excluded, DockerIgnoreMatcher.Parse(pattern).IsExcluded(path));
    }

    [Fact]
    public void The_last_matching_line_wins_so_exceptions_re_include_and_later_lines_exclude_again()
    {
        var matcher = DockerIgnoreMatcher.Parse("""
            # settings
            appsettings*.json
            !appsettings.json

            *.md
            !docs/*.md
            docs/secret.md
            """);

        Assert.True(matcher.IsExcluded("appsettings.Development.json"));
        Assert.False(matcher.IsExcluded("appsettings.json"));
        Assert.True(matcher.IsExcluded("README.md"));
        Assert.False(matcher.IsExcluded("docs/guide.md"));
        Assert.True(matcher.IsExcluded("docs/secret.md"));
        Assert.False(matcher.IsExcluded("app.dll"));
    }

    [Fact]
    public void An_exception_can_re_include_a_file_inside_an_excluded_directory()
    {
        var matcher = DockerIgnoreMatcher.Parse("wwwroot\n!wwwroot/index.html\n");

        Assert.True(matcher.IsExcluded("wwwroot/app.js"));
        Assert.False(matcher.IsExcluded("wwwroot/index.html"));
    }

    [Fact]
    public void Comments_blank_lines_and_surrounding_spaces_are_ignored_and_patterns_are_cleaned()
    {
        var matcher = DockerIgnoreMatcher.Parse("# comment\n\n   \n  ./out//x.txt  \n ! out/x.txt\r\n/rooted\n");

        Assert.Equal(["out/x.txt", "!out/x.txt", "rooted"], matcher.Patterns);
        Assert.False(matcher.IsExcluded("out/x.txt"));
        Assert.True(matcher.IsExcluded("rooted"));
    }

    [Fact]
    public void An_empty_or_missing_file_excludes_nothing()
    {
        Assert.False(DockerIgnoreMatcher.Parse(string.Empty).IsExcluded("anything"));
        Assert.False(DockerIgnoreMatcher.Load(Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}")).IsExcluded("anything"));
        Assert.False(DockerIgnoreMatcher.Load(null).IsExcluded("anything"));
    }
}
