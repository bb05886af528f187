namespace EcrPublish.Lifecycle;

/// <summary>
/// Thrown by <see cref="LifecyclePolicy.Parse"/> when a text cannot be read as a lifecycle policy at all
/// (not JSON, or a rule lacks a required member). Use <see cref="LifecyclePolicyValidator"/> to get every problem with its code.
/// </summary>
public sealed class LifecyclePolicyFormatException : EcrPublishException
{
    public LifecyclePolicyFormatException(string message)
        : base(LifecyclePolicyErrorCodes.NotAPolicy, message)
    {
    }

    public LifecyclePolicyFormatException(string message, Exception innerException)
        : base(LifecyclePolicyErrorCodes.NotAPolicy, message, innerException)
    {
    }
}
