namespace EcrPublish.Publishing.Permissions;

/// <summary>Stable codes of the publish's permission errors (ECR312x, docs/errors/image-engine.md).</summary>
public static class PermissionErrorCodes
{
    /// <summary>ECR or its registry denied an operation of the publish: the identity lacks the IAM action named in the message.</summary>
    public const string MissingPermission = "ECR3120";
}
