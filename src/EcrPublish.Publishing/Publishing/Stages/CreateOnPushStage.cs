namespace EcrPublish.Publishing.Stages;

/// <summary>
/// The push into a repository ECR creates on the push itself, from a CREATE_ON_PUSH repository creation template
/// (EcrCreateRepository=Template, <see cref="PushTarget.CreateOnPushTemplate"/>): once the push has created it, the
/// project's lifecycle and repository policies are applied as provisioning applies them to an existing repository, so
/// they hold from the first publish, not from the next. A denied first upload there is ECR3120 naming
/// <c>ecr:CreateRepository</c> and the template's needs (<see cref="Permissions.AccessDenial.ExplainCreateOnPush"/>),
/// which is what ECR checks on that path. Any other push passes through unchanged.
/// </summary>
/// <param name="push">The builder's push stage.</param>
/// <param name="request">The publish: its repository, registry and declared policies.</param>
/// <param name="provisioner">Makes the provisioner that applies the policies (the ECR client is created only when needed).</param>
public sealed class CreateOnPushStage(IPushStage push, EcrPublishRequest request, Func<RepositoryProvisioner> provisioner) : IPushStage
{
    /// <summary>The builder's push stage this one runs.</summary>
    public IPushStage Push { get; } = push;

    public async Task<PushedImage> PushAsync(ImageBuildOutput image, PushTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        PushedImage pushed;
        try
        {
            pushed = await Push.PushAsync(image, target, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (target.CreateOnPushTemplate is { } template && Permissions.AccessDenial.ExplainCreateOnPush(exception, template) is { } denied)
        {
            throw denied;
        }

        if (target.CreateOnPushTemplate is not null)
        {
            await provisioner().ApplyPoliciesAsync(target.Repository, request.RegistryId, request.RepositorySettings, cancellationToken).ConfigureAwait(false);
        }

        return pushed;
    }
}
