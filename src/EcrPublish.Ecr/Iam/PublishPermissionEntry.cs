namespace EcrPublish.Iam;

/// <summary>One row of <see cref="PublishPermissionTable"/>: an operation the publish calls, the IAM action that authorizes it, on which resource, and when.</summary>
/// <param name="Operation">The ECR API operation (e.g. <c>DescribeRepositories</c>) or registry request (<see cref="RegistryOperation"/>).</param>
/// <param name="Action">The IAM action, e.g. <c>ecr:DescribeRepositories</c> or <c>kms:GenerateDataKey</c>.</param>
/// <param name="Scope">The resource the action is granted on.</param>
/// <param name="Applies">Whether a publish with these settings calls the operation.</param>
/// <param name="Purpose">What the publish uses it for, in a few words.</param>
public sealed record PublishPermissionEntry(string Operation, string Action, IamResourceScope Scope, Func<PublishPermissionSettings, bool> Applies, string Purpose);
