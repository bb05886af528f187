namespace EcrPublish.Cli.Verbs;

/// <summary>An image without tags: its manifest digest and when it was pushed.</summary>
internal sealed record UntaggedImage(string Digest, DateTimeOffset PushedAt);
