namespace EcrPublish.LocalEcr.Auth;

/// <summary>
/// The one IAM principal LocalEcr's access key stands for: the user named after the key in the registry's account.
/// Everything signed with the key, and every registry password from it, acts as this principal.
/// </summary>
internal static class CallerIdentity
{
    public static string Arn(LocalEcrOptions options) => $"arn:aws:iam::{options.AccountId}:user/{options.AccessKeyId}";
}
