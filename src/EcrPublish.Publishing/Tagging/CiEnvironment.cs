namespace EcrPublish.Tagging;

/// <summary>
/// What the CI service (if any) says about this build. <see cref="Provider"/> is null outside a recognised
/// CI; <see cref="CommitSha"/> can still be known there from a generic variable such as <c>GIT_COMMIT</c>.
/// </summary>
public sealed record CiEnvironment(CiProvider? Provider, string? BuildNumber, string? CommitSha, string? Branch)
{
    public static CiEnvironment None { get; } = new(null, null, null, null);
}
