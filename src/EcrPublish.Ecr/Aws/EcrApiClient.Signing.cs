using EcrPublish.Aws.Model;

namespace EcrPublish.Aws;

/// <content>Managed signing: the registry's signing configuration and an image's signing status.</content>
public sealed partial class EcrApiClient
{
    /// <summary>Gets the registry's signing configuration; none fails with <see cref="EcrServiceErrorCodes.SigningConfigurationNotFound"/>.</summary>
    public Task<GetSigningConfigurationResponse> GetSigningConfigurationAsync(CancellationToken cancellationToken = default) =>
        InvokeAsync("GetSigningConfiguration", new GetSigningConfigurationRequest(), Json.GetSigningConfigurationRequest, Json.GetSigningConfigurationResponse, cancellationToken);

    /// <summary>Gets the signing status of one image, one entry per signing rule that covered it when it was pushed.</summary>
    public Task<DescribeImageSigningStatusResponse> DescribeImageSigningStatusAsync(
        DescribeImageSigningStatusRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        EcrRequestValidator.RegistryId(request.RegistryId);
        EcrRequestValidator.RepositoryName(request.RepositoryName);
        EcrRequestValidator.ImageIds(request.ImageId is null ? null : [request.ImageId], required: true, "imageId");
        return InvokeAsync("DescribeImageSigningStatus", request, Json.DescribeImageSigningStatusRequest, Json.DescribeImageSigningStatusResponse, cancellationToken);
    }
}
