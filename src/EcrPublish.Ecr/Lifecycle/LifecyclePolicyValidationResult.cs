namespace EcrPublish.Lifecycle;

/// <summary>The outcome of <see cref="LifecyclePolicyValidator.Validate"/>: every problem, and the policy when there is none.</summary>
public sealed class LifecyclePolicyValidationResult
{
    internal LifecyclePolicyValidationResult(IReadOnlyList<LifecyclePolicyError> errors, LifecyclePolicy? policy)
    {
        Errors = errors;
        Policy = errors.Count == 0 ? policy : null;
    }

    /// <summary>Every problem found, in document order (text length first); empty when the policy is valid.</summary>
    public IReadOnlyList<LifecyclePolicyError> Errors { get; }

    /// <summary>The parsed policy (with its original text) when <see cref="IsValid"/>; otherwise <see langword="null"/>.</summary>
    public LifecyclePolicy? Policy { get; }

    /// <summary>Whether ECR would accept the policy.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>
    /// The single <c>InvalidParameterException</c> message ECR would answer with (ECR stops at the first problem),
    /// or <see langword="null"/> when the policy is valid.
    /// </summary>
    public string? EcrMessage => Errors.Count == 0 ? null : Errors[0].EcrMessage;
}
