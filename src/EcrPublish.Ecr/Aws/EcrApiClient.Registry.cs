using EcrPublish.Aws.Model;

namespace EcrPublish.Aws;

/// <content>Repository/registry policies, replication, pull-through cache and registry description.</content>
public sealed partial class EcrApiClient
{
    private const int PolicyMaxLength = 10_240;

    /// <summary>Sets a repository's permission policy (JSON text up to 10,240 characters).</summary>
    public Task<SetRepositoryPolicyResponse> SetRepositoryPolicyAsync(SetRepositoryPolicyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        EcrRequestValidator.RegistryId(request.RegistryId);
        EcrRequestValidator.RepositoryName(request.RepositoryName);
        EcrRequestValidator.PolicyText(request.PolicyText, 1, PolicyMaxLength, "policyText");
        return InvokeAsync("SetRepositoryPolicy", request, Json.SetRepositoryPolicyRequest, Json.SetRepositoryPolicyResponse, cancellationToken);
    }

    /// <summary>Gets a repository's permission policy (RepositoryPolicyNotFoundException when there is none).</summary>
    public Task<GetRepositoryPolicyResponse> GetRepositoryPolicyAsync(GetRepositoryPolicyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        EcrRequestValidator.RegistryId(request.RegistryId);
        EcrRequestValidator.RepositoryName(request.RepositoryName);
        return InvokeAsync("GetRepositoryPolicy", request, Json.GetRepositoryPolicyRequest, Json.GetRepositoryPolicyResponse, cancellationToken);
    }

    /// <summary>Deletes a repository's permission policy.</summary>
    public Task<DeleteRepositoryPolicyResponse> DeleteRepositoryPolicyAsync(DeleteRepositoryPolicyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        EcrRequestValidator.RegistryId(request.RegistryId);
        EcrRequestValidator.RepositoryName(request.RepositoryName);
        return InvokeAsync("DeleteRepositoryPolicy", request, Json.DeleteRepositoryPolicyRequest, Json.DeleteRepositoryPolicyResponse, cancellationToken);
    }

    /// <summary>Sets the registry's permission policy (JSON text up to 10,240 characters).</summary>
    public Task<PutRegistryPolicyResponse> PutRegistryPolicyAsync(PutRegistryPolicyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        EcrRequestValidator.PolicyText(request.PolicyText, 1, PolicyMaxLength, "policyText");
        return InvokeAsync("PutRegistryPolicy", request, Json.PutRegistryPolicyRequest, Json.PutRegistryPolicyResponse, cancellationToken);
    }

    /// <summary>Gets the registry's permission policy (RegistryPolicyNotFoundException when there is none).</summary>
    public Task<GetRegistryPolicyResponse> GetRegistryPolicyAsync(CancellationToken cancellationToken = default) =>
        InvokeAsync("GetRegistryPolicy", new GetRegistryPolicyRequest(), Json.GetRegistryPolicyRequest, Json.GetRegistryPolicyResponse, cancellationToken);

    /// <summary>Deletes the registry's permission policy.</summary>
    public Task<DeleteRegistryPolicyResponse> DeleteRegistryPolicyAsync(CancellationToken cancellationToken = default) =>
        InvokeAsync("DeleteRegistryPolicy", new DeleteRegistryPolicyRequest(), Json.DeleteRegistryPolicyRequest, Json.DeleteRegistryPolicyResponse, cancellationToken);

    /// <summary>Sets cross-region/cross-account replication (an empty rule list turns it off).</summary>
    public Task<PutReplicationConfigurationResponse> PutReplicationConfigurationAsync(
        PutReplicationConfigurationRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        EcrRequestValidator.Replication(request.ReplicationConfiguration);
        return InvokeAsync(
            "PutReplicationConfiguration", request, Json.PutReplicationConfigurationRequest, Json.PutReplicationConfigurationResponse, cancellationToken);
    }

    /// <summary>Describes the registry: its id and replication configuration.</summary>
    public Task<DescribeRegistryResponse> DescribeRegistryAsync(CancellationToken cancellationToken = default) =>
        InvokeAsync("DescribeRegistry", new DescribeRegistryRequest(), Json.DescribeRegistryRequest, Json.DescribeRegistryResponse, cancellationToken);

    /// <summary>Creates a pull-through cache rule (repository prefix → upstream registry).</summary>
    public Task<CreatePullThroughCacheRuleResponse> CreatePullThroughCacheRuleAsync(
        CreatePullThroughCacheRuleRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        EcrRequestValidator.RegistryId(request.RegistryId);
        EcrRequestValidator.PullThroughCachePrefix(request.EcrRepositoryPrefix);
        EcrRequestValidator.Required(request.UpstreamRegistryUrl, "upstreamRegistryUrl");
        return InvokeAsync(
            "CreatePullThroughCacheRule", request, Json.CreatePullThroughCacheRuleRequest, Json.CreatePullThroughCacheRuleResponse, cancellationToken);
    }

    /// <summary>Describes pull-through cache rules. See <see cref="DescribeAllPullThroughCacheRulesAsync"/>.</summary>
    public Task<DescribePullThroughCacheRulesResponse> DescribePullThroughCacheRulesAsync(
        DescribePullThroughCacheRulesRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        EcrRequestValidator.RegistryId(request.RegistryId);
        if (request.EcrRepositoryPrefixes is not null)
        {
            EcrRequestValidator.Count(request.EcrRepositoryPrefixes, 1, 100, "ecrRepositoryPrefixes");
        }

        EcrRequestValidator.MaxResults(request.MaxResults, 1000);
        return InvokeAsync(
            "DescribePullThroughCacheRules", request, Json.DescribePullThroughCacheRulesRequest, Json.DescribePullThroughCacheRulesResponse, cancellationToken);
    }

    /// <summary>Deletes a pull-through cache rule.</summary>
    public Task<DeletePullThroughCacheRuleResponse> DeletePullThroughCacheRuleAsync(
        DeletePullThroughCacheRuleRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        EcrRequestValidator.RegistryId(request.RegistryId);
        EcrRequestValidator.PullThroughCachePrefix(request.EcrRepositoryPrefix);
        return InvokeAsync(
            "DeletePullThroughCacheRule", request, Json.DeletePullThroughCacheRuleRequest, Json.DeletePullThroughCacheRuleResponse, cancellationToken);
    }
}
