using EcrPublish.Aws.Model;

namespace EcrPublish.Aws;

/// <content>Repository creation templates.</content>
public sealed partial class EcrApiClient
{
    /// <summary>Describes the registry's repository creation templates (all, or those with the given prefixes); one page.</summary>
    public Task<DescribeRepositoryCreationTemplatesResponse> DescribeRepositoryCreationTemplatesAsync(
        DescribeRepositoryCreationTemplatesRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Prefixes is not null)
        {
            EcrRequestValidator.Count(request.Prefixes, 1, 100, "prefixes");
        }

        EcrRequestValidator.MaxResults(request.MaxResults, 1000);
        return InvokeAsync(
            "DescribeRepositoryCreationTemplates", request, Json.DescribeRepositoryCreationTemplatesRequest, Json.DescribeRepositoryCreationTemplatesResponse, cancellationToken);
    }
}
