using EcrPublish.Aws;
using EcrPublish.Aws.Model;
using EcrPublish.EcrRules;
using EcrPublish.Iam;
using EcrPublish.Registry;

namespace EcrPublish.Publishing.Permissions;

/// <summary>
/// Turns an access denial during a publish (ECR's <c>AccessDeniedException</c>, or the registry's 403, ECR3108) into
/// ECR3120, which names the IAM action the identity lacks, from the operation that failed (<see cref="PublishPermissionTable"/>),
/// and points to <c>dotnet ecr iam-policy</c> for the whole policy.
/// </summary>
public static class AccessDenial
{
    private const string PolicyHint = "'dotnet ecr iam-policy --project <project>' prints the whole IAM policy this project's publish needs.";

    /// <summary>The ECR3120 error for <paramref name="exception"/>, or null when it is not an access denial.</summary>
    public static EcrPublishException? Explain(Exception exception) => exception switch
    {
        EcrServiceException { ErrorCode: EcrServiceErrorCodes.AccessDenied } denied => new EcrPublishException(PermissionErrorCodes.MissingPermission,
            $"The AWS identity may not call {denied.Operation}: allow {Grant(denied.Operation)}. {PolicyHint} ECR said: {denied.ServiceMessage}",
            denied),
        RegistryException { Code: RegistryErrorCodes.Denied } denied => new EcrPublishException(PermissionErrorCodes.MissingPermission,
            $"{Describe(denied)} {PolicyHint} The registry said: {denied.Explanation}",
            denied),
        _ => null,
    };

    /// <summary>
    /// The ECR3120 error for the registry's denial of the first upload into a repository ECR creates on that upload from
    /// <paramref name="template"/> (EcrCreateRepository=Template): ECR authorizes the creation as <c>ecr:CreateRepository</c>,
    /// plus what the template asks of it (<c>ecr:TagResource</c> for its resource tags, the KMS key's grants for its
    /// encryption), so those are what the identity lacks, not the upload's own action. Null for any other exception or request.
    /// </summary>
    public static EcrPublishException? ExplainCreateOnPush(Exception exception, RepositoryCreationTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (exception is not RegistryException { Code: RegistryErrorCodes.Denied, RequestMethod: { } method, RequestPath: { } path } denied
            || RegistryOperation.Classify(method, path) != RegistryOperation.StartUpload)
        {
            return null;
        }

        var needs = new List<string> { "ecr:CreateRepository" };
        if (template.ResourceTags is { Count: > 0 })
        {
            needs.Add("ecr:TagResource (the template tags the repository)");
        }

        if (template.EncryptionConfiguration?.EncryptionType is { } encryption && EcrEncryptionType.TakesKmsKey(encryption))
        {
            needs.Add($"kms:CreateGrant and kms:DescribeKey on {template.EncryptionConfiguration.KmsKey ?? "the registry's aws/ecr key"} (the template encrypts with KMS)");
        }

        return new EcrPublishException(PermissionErrorCodes.MissingPermission,
            $"The AWS identity may not send {method} {path} to the registry. The repository does not exist yet: ECR creates it on this first upload from the CREATE_ON_PUSH repository creation template '{template.Prefix}', "
            + $"and authorizes that as ecr:CreateRepository. Allow {string.Join(", ", needs)} on the repository, besides {PublishPermissionTable.EcrActionOf(RegistryOperation.StartUpload)}. {PolicyHint} The registry said: {denied.Explanation}",
            denied);
    }

    // ECR API operations are authorized by the action of the same name; GetAuthorizationToken and kin on "*" only.
    private static string Grant(string operation) => PublishPermissionTable.EcrEntryOf(operation) is { } entry
        ? $"{entry.Action} on {(entry.Scope == IamResourceScope.AnyResource ? "\"*\"" : "the repository")}"
        : $"ecr:{operation} on the repository";

    private static string Describe(RegistryException denied)
    {
        var request = $"{denied.RequestMethod} {denied.RequestPath}".Trim();
        var operation = denied.RequestMethod is { } method && denied.RequestPath is { } path ? RegistryOperation.Classify(method, path) : null;
        return operation is not null && PublishPermissionTable.EcrActionOf(operation) is { } action
            ? $"The AWS identity may not send {request} to the registry: allow {action} on the repository."
            : $"The AWS identity may not send {(request.Length == 0 ? "a request" : request)} to the registry: allow the ECR push actions on the repository.";
    }
}
