using EcrPublish.Aws.Model;

namespace EcrPublish.Aws;

/// <content>Image scanning operations.</content>
public sealed partial class EcrApiClient
{
    /// <summary>Turns scan-on-push on or off for a repository.</summary>
    public Task<PutImageScanningConfigurationResponse> PutImageScanningConfigurationAsync(
        PutImageScanningConfigurationRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        EcrRequestValidator.RegistryId(request.RegistryId);
        EcrRequestValidator.RepositoryName(request.RepositoryName);
        if (request.ImageScanningConfiguration is null)
        {
            EcrRequestValidator.Required(null, "imageScanningConfiguration");
        }

        return InvokeAsync(
            "PutImageScanningConfiguration", request, Json.PutImageScanningConfigurationRequest, Json.PutImageScanningConfigurationResponse, cancellationToken);
    }

    /// <summary>Starts a basic scan of one image (ECR allows one per image per 24 hours).</summary>
    public Task<StartImageScanResponse> StartImageScanAsync(StartImageScanRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        EcrRequestValidator.RegistryId(request.RegistryId);
        EcrRequestValidator.RepositoryName(request.RepositoryName);
        EcrRequestValidator.ImageIds(request.ImageId is null ? null : [request.ImageId], required: true, "imageId");
        return InvokeAsync("StartImageScan", request, Json.StartImageScanRequest, Json.StartImageScanResponse, cancellationToken);
    }

    /// <summary>Gets the scan status and findings of one image. See <see cref="DescribeAllImageScanFindingsAsync"/>.</summary>
    public Task<DescribeImageScanFindingsResponse> DescribeImageScanFindingsAsync(
        DescribeImageScanFindingsRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        EcrRequestValidator.RegistryId(request.RegistryId);
        EcrRequestValidator.RepositoryName(request.RepositoryName);
        EcrRequestValidator.ImageIds(request.ImageId is null ? null : [request.ImageId], required: true, "imageId");
        EcrRequestValidator.MaxResults(request.MaxResults, 1000);
        return InvokeAsync("DescribeImageScanFindings", request, Json.DescribeImageScanFindingsRequest, Json.DescribeImageScanFindingsResponse, cancellationToken);
    }

    /// <summary>Sets the registry-wide scanning configuration (BASIC/ENHANCED and up to two rules).</summary>
    public Task<PutRegistryScanningConfigurationResponse> PutRegistryScanningConfigurationAsync(
        PutRegistryScanningConfigurationRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        EcrRequestValidator.ScanningConfiguration(request.ScanType, request.Rules);
        return InvokeAsync(
            "PutRegistryScanningConfiguration", request, Json.PutRegistryScanningConfigurationRequest, Json.PutRegistryScanningConfigurationResponse, cancellationToken);
    }

    /// <summary>Gets the registry-wide scanning configuration.</summary>
    public Task<GetRegistryScanningConfigurationResponse> GetRegistryScanningConfigurationAsync(CancellationToken cancellationToken = default) =>
        InvokeAsync(
            "GetRegistryScanningConfiguration",
            new GetRegistryScanningConfigurationRequest(),
            Json.GetRegistryScanningConfigurationRequest,
            Json.GetRegistryScanningConfigurationResponse,
            cancellationToken);
}
