using System.Globalization;
using EcrPublish.Publishing;
using EcrPublish.Tagging;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace EcrPublish.Tasks;

/// <summary>
/// Reads the git facts (LibGit2Sharp, falling back to CI variables) and renders <c>EcrImageTags</c> into
/// the image's tags. Every template problem is reported at once, before anything is built or pushed.
/// </summary>
public sealed class ComputeEcrImageTags : Microsoft.Build.Utilities.Task
{
    /// <summary>The project folder; the git repository is searched from here upwards.</summary>
    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    /// <summary>
    /// <c>EcrImageTags</c>: ';'-separated templates with the tokens {version}, {sha}, {sha:N}, {date},
    /// {date:FORMAT}, {build}, {branch} and {env}. Empty means the default, <c>v{version};{sha};v{version}-{sha};latest</c>.
    /// </summary>
    public string? ImageTagTemplates { get; set; }

    /// <summary>The project's <c>$(Version)</c>, the value of {version}.</summary>
    public string? Version { get; set; }

    /// <summary><c>EcrEnvironment</c>, the value of {env} (for example <c>staging</c>).</summary>
    public string? Environment { get; set; }

    /// <summary>The rendered, distinct, valid tags, in template order.</summary>
    [Output]
    public ITaskItem[] ImageTags { get; private set; } = [];

    /// <summary>Full commit id of HEAD (or of the CI variable used instead); empty when unknown.</summary>
    [Output]
    public string GitSha { get; private set; } = string.Empty;

    /// <summary>The branch name as git or the CI reports it (not sanitised); empty when unknown.</summary>
    [Output]
    public string GitBranch { get; private set; } = string.Empty;

    /// <summary>A git tag that points at HEAD; empty when none does.</summary>
    [Output]
    public string GitTag { get; private set; } = string.Empty;

    /// <summary>Committer time of HEAD in ISO 8601 (UTC); empty when unknown.</summary>
    [Output]
    public string GitCommitTime { get; private set; } = string.Empty;

    /// <summary>The recognised CI service (for example <c>GitHub Actions</c>); empty outside CI.</summary>
    [Output]
    public string CiProvider { get; private set; } = string.Empty;

    public override bool Execute()
    {
        try
        {
            ComputeTags();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // MSBuild would print MSB4018 and a stack trace; the user gets a code and the cause instead.
            Log.Log(UnexpectedFailure.Describe(exception), BuildEngine.ProjectFileOfTaskNode);
        }

        return !Log.HasLoggedErrors;
    }

    private void ComputeTags()
    {
        var ci = CiEnvironmentDetector.Detect(CiEnvironmentDetector.ReadProcessEnvironment());
        var git = GitFactsReader.Read(ProjectDirectory, ci);
        foreach (var warning in git.Warnings)
        {
            Log.Log(warning, BuildEngine.ProjectFileOfTaskNode);
        }

        var templates = string.IsNullOrWhiteSpace(ImageTagTemplates) ? TagPlanner.DefaultTemplates : ImageTagTemplates;
        var plan = TagPlanner.Plan(templates, TagContext.Create(Version, git.Facts, ci, Environment, DateTimeOffset.UtcNow));
        foreach (var error in plan.Errors)
        {
            Log.Log(error, BuildEngine.ProjectFileOfTaskNode);
        }

        GitSha = git.Facts.Sha ?? string.Empty;
        GitBranch = git.Facts.Branch ?? string.Empty;
        GitTag = git.Facts.TagAtHead ?? string.Empty;
        GitCommitTime = git.Facts.CommitTime?.UtcDateTime.ToString("o", CultureInfo.InvariantCulture) ?? string.Empty;
        CiProvider = ci.Provider?.Name ?? string.Empty;
        ImageTags = [.. plan.Tags.Select(tag => new TaskItem(tag))];
        if (plan.Succeeded)
        {
            Log.LogMessage(MessageImportance.High, $"EcrPublish: image tags {string.Join(", ", plan.Tags)} (commit {(GitSha.Length == 0 ? "unknown" : GitSha)}, from {git.Facts.Source})");
        }
    }
}
