namespace EcrPublish.Lifecycle;

/// <summary>
/// ECR's own error types and message texts around lifecycle policies, so that LocalEcr answers like ECR
/// (<c>{"__type": ..., "message": ...}</c>) and clients can recognise them.
/// </summary>
public static class LifecyclePolicyMessages
{
    /// <summary>Error type of every policy content problem.</summary>
    public const string InvalidParameterException = "InvalidParameterException";

    /// <summary>Error type when a repository has no lifecycle policy.</summary>
    public const string LifecyclePolicyNotFoundException = "LifecyclePolicyNotFoundException";

    /// <summary>Error type when GetLifecyclePolicyPreview finds no preview.</summary>
    public const string LifecyclePolicyPreviewNotFoundException = "LifecyclePolicyPreviewNotFoundException";

    /// <summary>Error type when a preview is started while another one runs.</summary>
    public const string LifecyclePolicyPreviewInProgressException = "LifecyclePolicyPreviewInProgressException";

    /// <summary>ECR's message for <see cref="LifecyclePolicyNotFoundException"/>.</summary>
    public const string PolicyNotFound = "The lifecycle policy could not be found, and no policy is set to the repository.";

    /// <summary>ECR's message for <see cref="LifecyclePolicyPreviewNotFoundException"/>.</summary>
    public const string PreviewNotFound = "There is no dry run for this repository.";

    /// <summary>ECR's message for <see cref="LifecyclePolicyPreviewInProgressException"/>.</summary>
    public const string PreviewInProgress = "The previous lifecycle policy preview request has not completed. Wait and try again.";

    /// <summary>
    /// The <see cref="InvalidParameterException"/> message ECR gives for a policy content problem:
    /// <c>Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure: DETAIL'</c>.
    /// </summary>
    public static string PolicyValidationFailure(string detail) =>
        $"Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure: {detail}'";

    /// <summary>The <see cref="InvalidParameterException"/> message ECR gives for a model constraint on a request member.</summary>
    public static string MemberConstraint(string member, string constraint) =>
        $"Invalid parameter at '{member}' failed to satisfy constraint: '{constraint}'";
}
