namespace EcrPublish.Lifecycle;

/// <summary>One problem found in a lifecycle policy.</summary>
/// <param name="Code">Stable code, one of <see cref="LifecyclePolicyErrorCodes"/>.</param>
/// <param name="Path">Where in the policy, e.g. <c>rules[1].selection.countUnit</c>; empty for the whole text.</param>
/// <param name="EcrMessage">The <c>InvalidParameterException</c> message ECR returns for this problem.</param>
/// <param name="Help">What to change, in plain words.</param>
public sealed record LifecyclePolicyError(string Code, string Path, string EcrMessage, string Help)
{
    /// <summary>The ECR error type of every policy content problem.</summary>
    public static string ExceptionType => LifecyclePolicyMessages.InvalidParameterException;

    /// <summary>One line for people: code, place, what is wrong, what to do.</summary>
    public override string ToString() =>
        Path.Length == 0 ? $"{Code}: {Help}" : $"{Code}: {Path}: {Help}";
}
