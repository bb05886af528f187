using EcrPublish.Tagging;
using EcrPublish.Validation;
using LibGit2Sharp;
using Xunit;

namespace EcrPublish.Core.Tests.Tagging;

public sealed class GitFactsReaderTests : IDisposable
{
    private static readonly Signature Author = new("Test", "test@example.com", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private Commit CommitFile(Repository repository, string name, string content)
    {
        File.WriteAllText(Path.Combine(_directory.Path, name), content);
        Commands.Stage(repository, name);
        return repository.Commit($"add {name}", Author, Author);
    }

    [Fact]
    public void Reads_commit_branch_and_time_from_the_repository()
    {
        Repository.Init(_directory.Path);
        using var repository = new Repository(_directory.Path);
        var commit = CommitFile(repository, "a.txt", "a");
        var projectDirectory = Directory.CreateDirectory(Path.Combine(_directory.Path, "src", "App")).FullName;

        var result = GitFactsReader.Read(projectDirectory, CiEnvironment.None);

        Assert.Empty(result.Warnings);
        Assert.Equal(commit.Sha, result.Facts.Sha);
        Assert.Equal(repository.Head.FriendlyName, result.Facts.Branch);
        Assert.Equal(Author.When, result.Facts.CommitTime);
        Assert.False(result.Facts.IsDirty);
        Assert.Null(result.Facts.TagAtHead);
        Assert.Equal(GitFactsSource.Repository, result.Facts.Source);
    }

    [Fact]
    public void Finds_lightweight_and_annotated_tags_at_head_only()
    {
        Repository.Init(_directory.Path);
        using var repository = new Repository(_directory.Path);
        var first = CommitFile(repository, "a.txt", "a");
        repository.ApplyTag("v0.9.0", first.Sha);
        CommitFile(repository, "b.txt", "b");
        repository.ApplyTag("v1.0.0", repository.Head.Tip.Sha, Author, "release 1.0.0");
        repository.ApplyTag("a-light", repository.Head.Tip.Sha);

        var result = GitFactsReader.Read(_directory.Path, CiEnvironment.None);

        Assert.Equal("a-light", result.Facts.TagAtHead);
    }

    [Fact]
    public void Dirty_work_tree_is_reported_with_a_warning()
    {
        Repository.Init(_directory.Path);
        using var repository = new Repository(_directory.Path);
        CommitFile(repository, "a.txt", "a");
        File.WriteAllText(Path.Combine(_directory.Path, "a.txt"), "changed");

        var result = GitFactsReader.Read(_directory.Path, CiEnvironment.None);

        Assert.True(result.Facts.IsDirty);
        Assert.Equal(InputCodes.DirtyWorkTree, Assert.Single(result.Warnings).Code);
    }

    [Fact]
    public void Untracked_files_do_not_make_the_tree_dirty()
    {
        Repository.Init(_directory.Path);
        using var repository = new Repository(_directory.Path);
        CommitFile(repository, "a.txt", "a");
        File.WriteAllText(Path.Combine(_directory.Path, "new.txt"), "untracked");

        var result = GitFactsReader.Read(_directory.Path, CiEnvironment.None);

        Assert.False(result.Facts.IsDirty);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Detached_head_takes_the_branch_from_CI_and_warns()
    {
        Repository.Init(_directory.Path);
        using var repository = new Repository(_directory.Path);
        var commit = CommitFile(repository, "a.txt", "a");
        Commands.Checkout(repository, commit);
        var ci = new CiEnvironment(CiProviders.GitHubActions, "3", commit.Sha, "feature/x");

        var result = GitFactsReader.Read(_directory.Path, ci);

        Assert.Equal(commit.Sha, result.Facts.Sha);
        Assert.Equal("feature/x", result.Facts.Branch);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(InputCodes.DetachedHead, warning.Code);
        Assert.Contains("GitHub Actions", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Detached_head_outside_CI_has_no_branch()
    {
        Repository.Init(_directory.Path);
        using var repository = new Repository(_directory.Path);
        Commands.Checkout(repository, CommitFile(repository, "a.txt", "a"));

        var result = GitFactsReader.Read(_directory.Path, CiEnvironment.None);

        Assert.Null(result.Facts.Branch);
        Assert.Equal(InputCodes.DetachedHead, Assert.Single(result.Warnings).Code);
    }

    [Fact]
    public void Shallow_clone_keeps_the_exact_commit_and_warns()
    {
        Repository.Init(_directory.Path);
        string head;
        using (var repository = new Repository(_directory.Path))
        {
            CommitFile(repository, "a.txt", "a");
            head = CommitFile(repository, "b.txt", "b").Sha;
        }

        // This is how git marks a --depth 1 clone: the boundary commit, whose parents are absent.
        File.WriteAllText(Path.Combine(_directory.Path, ".git", "shallow"), head + "\n");

        var result = GitFactsReader.Read(_directory.Path, CiEnvironment.None);

        Assert.Equal(head, result.Facts.Sha);
        Assert.Equal(InputCodes.ShallowClone, Assert.Single(result.Warnings).Code);
    }

    [Fact]
    public void Missing_repository_falls_back_to_CI_commit_with_warning()
    {
        var ci = new CiEnvironment(CiProviders.GitLab, "8", "feedfacefeedfacefeedfacefeedfacefeedface", "main");

        var result = GitFactsReader.Read(_directory.Path, ci);

        Assert.Equal(GitFactsSource.CiEnvironment, result.Facts.Source);
        Assert.Equal(ci.CommitSha, result.Facts.Sha);
        Assert.Equal("main", result.Facts.Branch);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(InputCodes.NoGitRepository, warning.Code);
        Assert.Contains(ci.CommitSha!, warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_repository_outside_CI_leaves_sha_unknown()
    {
        var result = GitFactsReader.Read(_directory.Path, CiEnvironment.None);

        Assert.Equal(GitFacts.Unknown, result.Facts);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(InputCodes.NoGitRepository, warning.Code);
        Assert.Contains("GITHUB_SHA", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Repository_without_commits_falls_back_to_CI()
    {
        Repository.Init(_directory.Path);
        var ci = new CiEnvironment(null, null, "cafecafecafecafecafecafecafecafecafecafe", null);

        var result = GitFactsReader.Read(_directory.Path, ci);

        Assert.Equal(ci.CommitSha, result.Facts.Sha);
        Assert.Equal(InputCodes.NoGitRepository, Assert.Single(result.Warnings).Code);
    }
}
