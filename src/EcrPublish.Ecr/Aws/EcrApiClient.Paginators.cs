using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using EcrPublish.Aws.Model;

namespace EcrPublish.Aws;

/// <content>
/// Paginators for every operation with a <c>nextToken</c> (botocore paginators-1.json): they follow the tokens and
/// yield the result items. The caller's request object is not modified.
/// </content>
public sealed partial class EcrApiClient
{
    /// <summary>Every repository (result key <c>repositories</c>).</summary>
    public IAsyncEnumerable<Repository> DescribeAllRepositoriesAsync(DescribeRepositoriesRequest request, CancellationToken cancellationToken = default) =>
        PaginateAsync(
            request, Json.DescribeRepositoriesRequest, (page, token) => page.NextToken = token, DescribeRepositoriesAsync,
            response => response.NextToken, response => response.Repositories, cancellationToken);

    /// <summary>Every image id (result key <c>imageIds</c>).</summary>
    public IAsyncEnumerable<ImageIdentifier> ListAllImagesAsync(ListImagesRequest request, CancellationToken cancellationToken = default) =>
        PaginateAsync(
            request, Json.ListImagesRequest, (page, token) => page.NextToken = token, ListImagesAsync,
            response => response.NextToken, response => response.ImageIds, cancellationToken);

    /// <summary>Every image detail (result key <c>imageDetails</c>).</summary>
    public IAsyncEnumerable<ImageDetail> DescribeAllImagesAsync(DescribeImagesRequest request, CancellationToken cancellationToken = default) =>
        PaginateAsync(
            request, Json.DescribeImagesRequest, (page, token) => page.NextToken = token, DescribeImagesAsync,
            response => response.NextToken, response => response.ImageDetails, cancellationToken);

    /// <summary>
    /// Every page of scan findings. Pages rather than items because the paginator has two result keys
    /// (<c>imageScanFindings.findings</c> and <c>enhancedFindings</c>) and the status lives beside them.
    /// </summary>
    public IAsyncEnumerable<DescribeImageScanFindingsResponse> DescribeAllImageScanFindingsAsync(
        DescribeImageScanFindingsRequest request,
        CancellationToken cancellationToken = default) =>
        PaginateAsync(
            request, Json.DescribeImageScanFindingsRequest, (page, token) => page.NextToken = token, DescribeImageScanFindingsAsync,
            response => response.NextToken, response => new[] { response }, cancellationToken);

    /// <summary>Every lifecycle policy preview result (result key <c>previewResults</c>).</summary>
    public IAsyncEnumerable<LifecyclePolicyPreviewResult> GetAllLifecyclePolicyPreviewResultsAsync(
        GetLifecyclePolicyPreviewRequest request,
        CancellationToken cancellationToken = default) =>
        PaginateAsync(
            request, Json.GetLifecyclePolicyPreviewRequest, (page, token) => page.NextToken = token, GetLifecyclePolicyPreviewAsync,
            response => response.NextToken, response => response.PreviewResults, cancellationToken);

    /// <summary>Every pull-through cache rule (result key <c>pullThroughCacheRules</c>).</summary>
    public IAsyncEnumerable<PullThroughCacheRule> DescribeAllPullThroughCacheRulesAsync(
        DescribePullThroughCacheRulesRequest request,
        CancellationToken cancellationToken = default) =>
        PaginateAsync(
            request, Json.DescribePullThroughCacheRulesRequest, (page, token) => page.NextToken = token, DescribePullThroughCacheRulesAsync,
            response => response.NextToken, response => response.PullThroughCacheRules, cancellationToken);

    private static async IAsyncEnumerable<TItem> PaginateAsync<TRequest, TResponse, TItem>(
        TRequest request,
        JsonTypeInfo<TRequest> requestType,
        Action<TRequest, string?> setNextToken,
        Func<TRequest, CancellationToken, Task<TResponse>> call,
        Func<TResponse, string?> nextToken,
        Func<TResponse, IEnumerable<TItem>?> items,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // A private copy, so following the tokens does not change the caller's request.
        var page = JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(request, requestType), requestType)!;
        var seenTokens = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var response = await call(page, cancellationToken).ConfigureAwait(false);
            foreach (var item in items(response) ?? [])
            {
                yield return item;
            }

            var token = nextToken(response);
            if (string.IsNullOrEmpty(token))
            {
                yield break;
            }

            if (!seenTokens.Add(token))
            {
                throw new EcrClientException(
                    AwsClientErrorCodes.MalformedResponse,
                    "The service returned the same nextToken twice; stopping pagination to avoid an endless loop.");
            }

            setNextToken(page, token);
        }
    }
}
