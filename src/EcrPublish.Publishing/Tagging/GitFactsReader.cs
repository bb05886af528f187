using EcrPublish.Validation;
using LibGit2Sharp;

namespace EcrPublish.Tagging;

/// <summary>
/// Reads HEAD's commit, branch, tag and dirtiness with LibGit2Sharp. When the repository is missing,
/// unreadable or incomplete (shallow clone, detached HEAD), it falls back to the CI variables and says
/// so with a coded warning, because a silently wrong <c>{sha}</c> tag would be worse than a build break.
/// </summary>
public static class GitFactsReader
{
    public static GitFactsResult Read(string startDirectory, CiEnvironment ci)
    {
        var warnings = new List<EcrDiagnostic>();
        var repositoryPath = Repository.Discover(startDirectory);
        if (repositoryPath is null)
        {
            warnings.Add(EcrDiagnostic.Warning(
                InputCodes.NoGitRepository,
                $"No git repository was found at or above '{startDirectory}'. {DescribeFallback(ci)}"));
            return new GitFactsResult(FromCi(ci), warnings);
        }

        try
        {
            using var repository = new Repository(repositoryPath);
            return new GitFactsResult(FromRepository(repository, ci, warnings), warnings);
        }
        catch (LibGit2SharpException exception)
        {
            warnings.Add(EcrDiagnostic.Warning(
                InputCodes.GitReadFailed,
                $"The git repository at '{repositoryPath}' could not be read ({exception.Message}). {DescribeFallback(ci)}"));
            return new GitFactsResult(FromCi(ci), warnings);
        }
    }

    private static GitFacts FromRepository(Repository repository, CiEnvironment ci, List<EcrDiagnostic> warnings)
    {
        var head = repository.Head.Tip;
        if (head is null)
        {
            warnings.Add(EcrDiagnostic.Warning(
                InputCodes.NoGitRepository,
                $"The git repository at '{repository.Info.WorkingDirectory}' has no commit yet. {DescribeFallback(ci)}"));
            return FromCi(ci);
        }

        if (repository.Info.IsShallow)
        {
            warnings.Add(EcrDiagnostic.Warning(
                InputCodes.ShallowClone,
                "The git repository is a shallow clone, so tags on older commits are not visible. The commit id is still exact. " +
                "If your version comes from git tags, fetch full history (GitHub Actions: actions/checkout with fetch-depth: 0)."));
        }

        var branch = repository.Info.IsHeadDetached ? null : repository.Head.FriendlyName;
        if (branch is null)
        {
            branch = ci.Branch;
            warnings.Add(EcrDiagnostic.Warning(
                InputCodes.DetachedHead,
                branch is null
                    ? "HEAD is detached and no CI branch variable is set, so {branch} has no value. Check out a branch, or run in a CI service EcrPublish recognises."
                    : $"HEAD is detached; using branch '{branch}' from {ci.Provider?.Name ?? "the CI"} variables."));
        }

        var isDirty = repository.RetrieveStatus(new StatusOptions { IncludeUntracked = false }).IsDirty;
        if (isDirty)
        {
            warnings.Add(EcrDiagnostic.Warning(
                InputCodes.DirtyWorkTree,
                $"The work tree has uncommitted changes, so the image tagged with commit {head.Sha[..7]} does not match that commit. Commit or stash the changes before publishing."));
        }

        return new GitFacts(head.Sha, head.Committer.When, branch, isDirty, FindTagAt(repository, head.Sha), GitFactsSource.Repository);
    }

    private static string? FindTagAt(Repository repository, string sha) =>
        repository.Tags
            .Where(tag => tag.PeeledTarget?.Sha == sha)
            .Select(tag => tag.FriendlyName)
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();

    private static GitFacts FromCi(CiEnvironment ci) =>
        ci.CommitSha is null
            ? GitFacts.Unknown with { Branch = ci.Branch }
            : new GitFacts(ci.CommitSha, null, ci.Branch, false, null, GitFactsSource.CiEnvironment);

    private static string DescribeFallback(CiEnvironment ci) =>
        ci.CommitSha is null
            ? "No CI commit variable (GITHUB_SHA, BUILD_SOURCEVERSION, CI_COMMIT_SHA, GIT_COMMIT, ...) is set either, so {sha} has no value."
            : $"Using commit {ci.CommitSha} from the CI variables instead.";
}
