namespace EcrPublish.Tagging;

/// <summary>
/// How one CI service announces itself and where it keeps the build number, commit and branch.
/// Variables are listed in order of preference; the first one that is set wins.
/// </summary>
public sealed record CiProvider(
    string Name,
    string DetectionVariable,
    string BuildNumberVariable,
    IReadOnlyList<string> CommitVariables,
    IReadOnlyList<string> BranchVariables);
