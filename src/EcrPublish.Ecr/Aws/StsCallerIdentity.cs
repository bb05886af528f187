namespace EcrPublish.Aws;

/// <summary>Who the credentials belong to, from STS GetCallerIdentity.</summary>
public sealed record StsCallerIdentity(string Account, string Arn, string UserId);
