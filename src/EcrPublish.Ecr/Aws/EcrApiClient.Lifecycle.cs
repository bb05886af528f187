using EcrPublish.Aws.Model;

namespace EcrPublish.Aws;

/// <content>Lifecycle policy operations.</content>
public sealed partial class EcrApiClient
{
    private const int LifecyclePolicyMinLength = 100;
    private const int LifecyclePolicyMaxLength = 30_720;

    /// <summary>Sets a repository's lifecycle policy (JSON text of 100 to 30,720 characters).</summary>
    public Task<PutLifecyclePolicyResponse> PutLifecyclePolicyAsync(PutLifecyclePolicyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        EcrRequestValidator.RegistryId(request.RegistryId);
        EcrRequestValidator.RepositoryName(request.RepositoryName);
        EcrRequestValidator.PolicyText(request.LifecyclePolicyText, LifecyclePolicyMinLength, LifecyclePolicyMaxLength, "lifecyclePolicyText");
        return InvokeAsync("PutLifecyclePolicy", request, Json.PutLifecyclePolicyRequest, Json.PutLifecyclePolicyResponse, cancellationToken);
    }

    /// <summary>Gets a repository's lifecycle policy (LifecyclePolicyNotFoundException when there is none).</summary>
    public Task<GetLifecyclePolicyResponse> GetLifecyclePolicyAsync(GetLifecyclePolicyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        EcrRequestValidator.RegistryId(request.RegistryId);
        EcrRequestValidator.RepositoryName(request.RepositoryName);
        return InvokeAsync("GetLifecyclePolicy", request, Json.GetLifecyclePolicyRequest, Json.GetLifecyclePolicyResponse, cancellationToken);
    }

    /// <summary>Deletes a repository's lifecycle policy.</summary>
    public Task<DeleteLifecyclePolicyResponse> DeleteLifecyclePolicyAsync(DeleteLifecyclePolicyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        EcrRequestValidator.RegistryId(request.RegistryId);
        EcrRequestValidator.RepositoryName(request.RepositoryName);
        return InvokeAsync("DeleteLifecyclePolicy", request, Json.DeleteLifecyclePolicyRequest, Json.DeleteLifecyclePolicyResponse, cancellationToken);
    }

    /// <summary>Starts a preview of what a lifecycle policy (given or the stored one) would expire.</summary>
    public Task<StartLifecyclePolicyPreviewResponse> StartLifecyclePolicyPreviewAsync(
        StartLifecyclePolicyPreviewRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        EcrRequestValidator.RegistryId(request.RegistryId);
        EcrRequestValidator.RepositoryName(request.RepositoryName);
        if (request.LifecyclePolicyText is not null)
        {
            EcrRequestValidator.PolicyText(request.LifecyclePolicyText, LifecyclePolicyMinLength, LifecyclePolicyMaxLength, "lifecyclePolicyText");
        }

        return InvokeAsync(
            "StartLifecyclePolicyPreview", request, Json.StartLifecyclePolicyPreviewRequest, Json.StartLifecyclePolicyPreviewResponse, cancellationToken);
    }

    /// <summary>Gets the status and results of a lifecycle policy preview. See <see cref="GetAllLifecyclePolicyPreviewResultsAsync"/>.</summary>
    public Task<GetLifecyclePolicyPreviewResponse> GetLifecyclePolicyPreviewAsync(
        GetLifecyclePolicyPreviewRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        EcrRequestValidator.RegistryId(request.RegistryId);
        EcrRequestValidator.RepositoryName(request.RepositoryName);
        EcrRequestValidator.ImageIds(request.ImageIds, required: false);
        EcrRequestValidator.MaxResults(request.MaxResults, 100);
        return InvokeAsync("GetLifecyclePolicyPreview", request, Json.GetLifecyclePolicyPreviewRequest, Json.GetLifecyclePolicyPreviewResponse, cancellationToken);
    }
}
