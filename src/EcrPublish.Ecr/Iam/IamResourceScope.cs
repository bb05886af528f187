namespace EcrPublish.Iam;

/// <summary>Which resource an IAM action of the publish is granted on.</summary>
public enum IamResourceScope
{
    /// <summary><c>"*"</c>: actions with no resource type, such as <c>ecr:GetAuthorizationToken</c>.</summary>
    AnyResource,

    /// <summary>The repository the publish pushes to, <c>arn:aws:ecr:REGION:ACCOUNT:repository/NAME</c>.</summary>
    Repository,

    /// <summary>The ECR repository of the base image, when the base image is in a private ECR registry.</summary>
    BaseImageRepository,

    /// <summary>The KMS key that encrypts the repository (<c>EcrKmsKey</c>, or ECR's AWS managed key <c>aws/ecr</c>).</summary>
    KmsKey,

    /// <summary>The KMS key that signs the image (<c>EcrSign</c> with <c>EcrSigningKey=awskms:…</c>), called directly by the publish.</summary>
    SigningKey,
}
