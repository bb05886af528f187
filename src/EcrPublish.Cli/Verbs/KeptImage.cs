namespace EcrPublish.Cli.Verbs;

/// <summary>An untagged image that <c>images cleanup</c> keeps, why, and the image that makes it so (index or subject).</summary>
internal sealed record KeptImage(RepositoryImage Image, KeepReason Reason, string? Because);
