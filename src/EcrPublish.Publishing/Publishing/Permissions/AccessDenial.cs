using EcrPublish.Aws;
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
