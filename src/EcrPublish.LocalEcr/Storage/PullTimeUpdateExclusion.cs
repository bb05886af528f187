namespace EcrPublish.LocalEcr.Storage;

/// <summary>A RegisterPullTimeUpdateExclusion entry: pulls by this principal leave <c>lastRecordedPullTime</c> as it was.</summary>
internal sealed record PullTimeUpdateExclusion(string PrincipalArn, DateTimeOffset CreatedAt);
