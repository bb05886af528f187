using EcrPublish.Aws.Model;

namespace EcrPublish.Aws;

/// <content>Repository operations.</content>
public sealed partial class EcrApiClient
{
    /// <summary>Creates a repository (scan-on-push, tag mutability with exclusions, AES256/KMS encryption, tags).</summary>
    public Task<CreateRepositoryResponse> CreateRepositoryAsync(CreateRepositoryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        EcrRequestValidator.RegistryId(request.RegistryId);
        EcrRequestValidator.RepositoryName(request.RepositoryName);
        EcrRequestValidator.TagMutability(request.ImageTagMutability, request.ImageTagMutabilityExclusionFilters);
        EcrRequestValidator.Encryption(request.EncryptionConfiguration);
        EcrRequestValidator.ResourceTags(request.Tags, required: false);
        return InvokeAsync("CreateRepository", request, Json.CreateRepositoryRequest, Json.CreateRepositoryResponse, cancellationToken);
    }

    /// <summary>Describes repositories (all, or the named ones). See <see cref="DescribeAllRepositoriesAsync"/> for every page.</summary>
    public Task<DescribeRepositoriesResponse> DescribeRepositoriesAsync(DescribeRepositoriesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        EcrRequestValidator.RegistryId(request.RegistryId);
        if (request.RepositoryNames is not null)
        {
            EcrRequestValidator.Count(request.RepositoryNames, 1, 100, "repositoryNames");
            foreach (var name in request.RepositoryNames)
            {
                EcrRequestValidator.RepositoryName(name, "repositoryNames");
            }
        }

        EcrRequestValidator.MaxResults(request.MaxResults, 1000);
        return InvokeAsync("DescribeRepositories", request, Json.DescribeRepositoriesRequest, Json.DescribeRepositoriesResponse, cancellationToken);
    }

    /// <summary>Deletes a repository; <c>Force</c> deletes its images too.</summary>
    public Task<DeleteRepositoryResponse> DeleteRepositoryAsync(DeleteRepositoryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        EcrRequestValidator.RegistryId(request.RegistryId);
        EcrRequestValidator.RepositoryName(request.RepositoryName);
        return InvokeAsync("DeleteRepository", request, Json.DeleteRepositoryRequest, Json.DeleteRepositoryResponse, cancellationToken);
    }

    /// <summary>Sets the tag mutability (with exclusion filters for the *_WITH_EXCLUSION settings).</summary>
    public Task<PutImageTagMutabilityResponse> PutImageTagMutabilityAsync(PutImageTagMutabilityRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        EcrRequestValidator.RegistryId(request.RegistryId);
        EcrRequestValidator.RepositoryName(request.RepositoryName);
        EcrRequestValidator.Required(request.ImageTagMutability, "imageTagMutability");
        EcrRequestValidator.TagMutability(request.ImageTagMutability, request.ImageTagMutabilityExclusionFilters);
        return InvokeAsync("PutImageTagMutability", request, Json.PutImageTagMutabilityRequest, Json.PutImageTagMutabilityResponse, cancellationToken);
    }

    /// <summary>Adds or replaces resource tags on a repository (by ARN).</summary>
    public Task<TagResourceResponse> TagResourceAsync(TagResourceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        EcrRequestValidator.Required(request.ResourceArn, "resourceArn");
        EcrRequestValidator.ResourceTags(request.Tags, required: true);
        return InvokeAsync("TagResource", request, Json.TagResourceRequest, Json.TagResourceResponse, cancellationToken);
    }

    /// <summary>Removes resource tags from a repository (by ARN).</summary>
    public Task<UntagResourceResponse> UntagResourceAsync(UntagResourceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        EcrRequestValidator.Required(request.ResourceArn, "resourceArn");
        EcrRequestValidator.Count(request.TagKeys ?? [], 1, 50, "tagKeys");
        foreach (var key in request.TagKeys!)
        {
            EcrRequestValidator.ResourceTagKey(key);
        }

        return InvokeAsync("UntagResource", request, Json.UntagResourceRequest, Json.UntagResourceResponse, cancellationToken);
    }

    /// <summary>Lists the resource tags of a repository (by ARN).</summary>
    public Task<ListTagsForResourceResponse> ListTagsForResourceAsync(ListTagsForResourceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        EcrRequestValidator.Required(request.ResourceArn, "resourceArn");
        return InvokeAsync("ListTagsForResource", request, Json.ListTagsForResourceRequest, Json.ListTagsForResourceResponse, cancellationToken);
    }
}
