using EcrPublish.Aws.Model;

namespace EcrPublish.Aws;

/// <content>Image and registry-authentication operations.</content>
public sealed partial class EcrApiClient
{
    /// <summary>Gets the raw authorization data. Prefer <see cref="GetRegistryCredentialsAsync(CancellationToken)"/>, which decodes it.</summary>
    public Task<GetAuthorizationTokenResponse> GetAuthorizationTokenAsync(GetAuthorizationTokenRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RegistryIds is not null)
        {
            EcrRequestValidator.Count(request.RegistryIds, 1, 10, "registryIds");
            foreach (var id in request.RegistryIds)
            {
                EcrRequestValidator.RegistryId(id);
            }
        }

        return InvokeAsync("GetAuthorizationToken", request, Json.GetAuthorizationTokenRequest, Json.GetAuthorizationTokenResponse, cancellationToken);
    }

    /// <summary>Gets the caller's registry user name (<c>AWS</c>), password, endpoint and expiry.</summary>
    public Task<EcrAuthorizationToken> GetRegistryCredentialsAsync(CancellationToken cancellationToken = default) => GetRegistryCredentialsAsync(null, cancellationToken);

    /// <summary>Gets the registry user name, password, endpoint and expiry for <paramref name="registryId"/>'s registry in this client's region (the caller's own when null).</summary>
    public async Task<EcrAuthorizationToken> GetRegistryCredentialsAsync(string? registryId, CancellationToken cancellationToken = default)
    {
        var request = new GetAuthorizationTokenRequest { RegistryIds = registryId is null ? null : [registryId] };
        var response = await GetAuthorizationTokenAsync(request, cancellationToken).ConfigureAwait(false);
        var data = response.AuthorizationData is { Count: > 0 } list ? list[0] : null;
        if (data?.AuthorizationToken is null || !Uri.TryCreate(data.ProxyEndpoint, UriKind.Absolute, out var proxyEndpoint))
        {
            throw new EcrClientException(
                AwsClientErrorCodes.InvalidAuthorizationToken,
                "GetAuthorizationToken returned no authorization data with a proxy endpoint. Check that the endpoint is really ECR.");
        }

        return EcrAuthorizationToken.Decode(data.AuthorizationToken, proxyEndpoint, data.ExpiresAt);
    }

    /// <summary>Lists image ids (one per tag, plus untagged digests). See <see cref="ListAllImagesAsync"/> for every page.</summary>
    public Task<ListImagesResponse> ListImagesAsync(ListImagesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        EcrRequestValidator.RegistryId(request.RegistryId);
        EcrRequestValidator.RepositoryName(request.RepositoryName);
        EcrRequestValidator.MaxResults(request.MaxResults, 1000);
        return InvokeAsync("ListImages", request, Json.ListImagesRequest, Json.ListImagesResponse, cancellationToken);
    }

    /// <summary>Describes images (digest, tags, size, push time, scan status). See <see cref="DescribeAllImagesAsync"/>.</summary>
    public Task<DescribeImagesResponse> DescribeImagesAsync(DescribeImagesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        EcrRequestValidator.RegistryId(request.RegistryId);
        EcrRequestValidator.RepositoryName(request.RepositoryName);
        EcrRequestValidator.ImageIds(request.ImageIds, required: false);
        EcrRequestValidator.MaxResults(request.MaxResults, 1000);
        return InvokeAsync("DescribeImages", request, Json.DescribeImagesRequest, Json.DescribeImagesResponse, cancellationToken);
    }

    /// <summary>Deletes up to 100 images by tag or digest; per-image problems come back in <c>Failures</c>.</summary>
    public Task<BatchDeleteImageResponse> BatchDeleteImageAsync(BatchDeleteImageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        EcrRequestValidator.RegistryId(request.RegistryId);
        EcrRequestValidator.RepositoryName(request.RepositoryName);
        EcrRequestValidator.ImageIds(request.ImageIds, required: true);
        return InvokeAsync("BatchDeleteImage", request, Json.BatchDeleteImageRequest, Json.BatchDeleteImageResponse, cancellationToken);
    }

    /// <summary>Gets up to 100 image manifests by tag or digest.</summary>
    public Task<BatchGetImageResponse> BatchGetImageAsync(BatchGetImageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        EcrRequestValidator.RegistryId(request.RegistryId);
        EcrRequestValidator.RepositoryName(request.RepositoryName);
        EcrRequestValidator.ImageIds(request.ImageIds, required: true);
        if (request.AcceptedMediaTypes is not null)
        {
            EcrRequestValidator.Count(request.AcceptedMediaTypes, 1, 100, "acceptedMediaTypes");
        }

        return InvokeAsync("BatchGetImage", request, Json.BatchGetImageRequest, Json.BatchGetImageResponse, cancellationToken);
    }

    /// <summary>Creates or tags an image from a manifest whose blobs are already in the repository.</summary>
    public Task<PutImageResponse> PutImageAsync(PutImageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        EcrRequestValidator.RegistryId(request.RegistryId);
        EcrRequestValidator.RepositoryName(request.RepositoryName);
        EcrRequestValidator.Required(request.ImageManifest, "imageManifest");
        EcrRequestValidator.Length(request.ImageManifest, 1, 4_194_304, "imageManifest", AwsClientErrorCodes.BatchTooLarge);
        if (request.ImageTag is not null)
        {
            EcrRequestValidator.ImageTag(request.ImageTag);
        }

        return InvokeAsync("PutImage", request, Json.PutImageRequest, Json.PutImageResponse, cancellationToken);
    }
}
