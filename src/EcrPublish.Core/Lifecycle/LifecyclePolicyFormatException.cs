namespace EcrPublish.Lifecycle;

/// <summary>
/// Thrown by <see cref="LifecyclePolicy.Parse"/> when a text cannot be read as a lifecycle policy at all
/// (not JSON, or a rule lacks a required member). Use <see cref="LifecyclePolicyValidator"/> to get every problem with its code.
/// </summary>
public sealed class LifecyclePolicyFormatException : Exception
{
    public LifecyclePolicyFormatException()
        : this("The lifecycle policy is not valid JSON of the form {\"rules\":[...]}.")
    {
    }

    public LifecyclePolicyFormatException(string message)
        : base(message)
    {
    }

    public LifecyclePolicyFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The stable error code (<see cref="LifecyclePolicyErrorCodes.NotAPolicy"/>).</summary>
    public string Code { get; } = LifecyclePolicyErrorCodes.NotAPolicy;
}
