using EcrPublish.Aws.Model;

namespace EcrPublish.Aws;

/// <content>The ImageScanComplete and LifecyclePolicyPreviewComplete waiters.</content>
public sealed partial class EcrApiClient
{
    /// <summary>
    /// Polls DescribeImageScanFindings until <c>imageScanStatus.status</c> is COMPLETE (returns that response) or FAILED
    /// (throws ECR2200); gives up with ECR2201 after <see cref="WaiterOptions.MaxAttempts"/>. Service errors such as
    /// ScanNotFoundException end the wait, as in botocore.
    /// </summary>
    public Task<DescribeImageScanFindingsResponse> WaitForImageScanCompleteAsync(
        DescribeImageScanFindingsRequest request,
        WaiterOptions? options = null,
        CancellationToken cancellationToken = default) =>
        StatusWaiter.WaitAsync(
            "ImageScanComplete",
            token => DescribeImageScanFindingsAsync(request, token),
            response => (response.ImageScanStatus?.Status, response.ImageScanStatus?.Description),
            options ?? WaiterOptions.ImageScanComplete,
            Options.TimeProvider,
            cancellationToken);

    /// <summary>Polls GetLifecyclePolicyPreview until <c>status</c> is COMPLETE (returns it) or FAILED (throws ECR2200).</summary>
    public Task<GetLifecyclePolicyPreviewResponse> WaitForLifecyclePolicyPreviewCompleteAsync(
        GetLifecyclePolicyPreviewRequest request,
        WaiterOptions? options = null,
        CancellationToken cancellationToken = default) =>
        StatusWaiter.WaitAsync(
            "LifecyclePolicyPreviewComplete",
            token => GetLifecyclePolicyPreviewAsync(request, token),
            response => (response.Status, null),
            options ?? WaiterOptions.LifecyclePolicyPreviewComplete,
            Options.TimeProvider,
            cancellationToken);
}
