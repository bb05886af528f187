using EcrPublish.Aws;
using EcrPublish.Aws.Model;
using Xunit;

namespace EcrPublish.IntegrationTests.Aws;

/// <summary>
/// Lifecycle, repository/registry policy, registry scanning, replication and pull-through cache operations against
/// moto. Registry-wide settings are shared state in moto, so they live in this one (sequential) class.
/// </summary>
public sealed class MotoPolicyAndRegistryTests
{
    private const string LifecyclePolicy = """
        {"rules":[{"rulePriority":1,"description":"expire untagged images after 14 days","selection":{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days","countNumber":14},"action":{"type":"expire"}}]}
        """;

    private const string RepositoryPolicy = """
        {"Version":"2012-10-17","Statement":[{"Sid":"pull","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":["ecr:BatchGetImage","ecr:GetDownloadUrlForLayer"]}]}
        """;

    private const string RegistryPolicy = """
        {"Version":"2012-10-17","Statement":[{"Sid":"replicate","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::210987654321:root"},"Action":["ecr:CreateRepository","ecr:ReplicateImage"],"Resource":"arn:aws:ecr:us-east-1:123456789012:repository/*"}]}
        """;

    [Fact]
    public async Task Puts_gets_and_deletes_a_lifecycle_policy()
    {
        using var client = MotoClientFactory.Create();
        var name = MotoClientFactory.UniqueName("ecrpub-lifecycle");
        await client.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = name });

        var none = await Assert.ThrowsAsync<EcrServiceException>(() => client.GetLifecyclePolicyAsync(new GetLifecyclePolicyRequest { RepositoryName = name }));
        Assert.Equal(EcrServiceErrorCodes.LifecyclePolicyNotFound, none.ErrorCode);

        var put = await client.PutLifecyclePolicyAsync(new PutLifecyclePolicyRequest { RepositoryName = name, LifecyclePolicyText = LifecyclePolicy });
        Assert.Equal(name, put.RepositoryName);
        var got = await client.GetLifecyclePolicyAsync(new GetLifecyclePolicyRequest { RepositoryName = name });
        Assert.Equal(LifecyclePolicy, got.LifecyclePolicyText);
        Assert.NotNull(got.LastEvaluatedAt);

        var deleted = await client.DeleteLifecyclePolicyAsync(new DeleteLifecyclePolicyRequest { RepositoryName = name });
        Assert.Equal(LifecyclePolicy, deleted.LifecyclePolicyText);
        var gone = await Assert.ThrowsAsync<EcrServiceException>(() => client.DeleteLifecyclePolicyAsync(new DeleteLifecyclePolicyRequest { RepositoryName = name }));
        Assert.Equal(EcrServiceErrorCodes.LifecyclePolicyNotFound, gone.ErrorCode);
        await client.DeleteRepositoryAsync(new DeleteRepositoryRequest { RepositoryName = name });
    }

    [Fact]
    public async Task Lifecycle_policy_preview_is_not_implemented_by_moto()
    {
        using var client = MotoClientFactory.Create();
        var name = MotoClientFactory.UniqueName("ecrpub-preview");
        await client.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = name });

        // moto 5.2.1 answers unimplemented ECR operations with HTTP 500 text/html "Internal Server Error" (ecr-api.md §7).
        // Our client retries 5xx, then reports it. LocalEcr covers the real preview semantics.
        var start = await Assert.ThrowsAsync<EcrServiceException>(
            () => client.StartLifecyclePolicyPreviewAsync(new StartLifecyclePolicyPreviewRequest { RepositoryName = name, LifecyclePolicyText = LifecyclePolicy }));
        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, start.StatusCode);
        Assert.Equal("ServerError", start.ErrorCode);
        Assert.Contains("Internal Server Error", start.ServiceMessage, StringComparison.Ordinal);

        var get = await Assert.ThrowsAsync<EcrServiceException>(
            () => client.WaitForLifecyclePolicyPreviewCompleteAsync(new GetLifecyclePolicyPreviewRequest { RepositoryName = name }));
        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, get.StatusCode);
        await client.DeleteRepositoryAsync(new DeleteRepositoryRequest { RepositoryName = name });
    }

    [Fact]
    public async Task Sets_gets_and_deletes_a_repository_policy()
    {
        using var client = MotoClientFactory.Create();
        var name = MotoClientFactory.UniqueName("ecrpub-policy");
        await client.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = name });

        await client.SetRepositoryPolicyAsync(new SetRepositoryPolicyRequest { RepositoryName = name, PolicyText = RepositoryPolicy });
        var got = await client.GetRepositoryPolicyAsync(new GetRepositoryPolicyRequest { RepositoryName = name });
        Assert.Equal(RepositoryPolicy, got.PolicyText);
        await client.DeleteRepositoryPolicyAsync(new DeleteRepositoryPolicyRequest { RepositoryName = name });

        var gone = await Assert.ThrowsAsync<EcrServiceException>(() => client.GetRepositoryPolicyAsync(new GetRepositoryPolicyRequest { RepositoryName = name }));
        Assert.Equal(EcrServiceErrorCodes.RepositoryPolicyNotFound, gone.ErrorCode);
        await client.DeleteRepositoryAsync(new DeleteRepositoryRequest { RepositoryName = name });
    }

    [Fact]
    public async Task Puts_gets_and_deletes_the_registry_policy()
    {
        using var client = MotoClientFactory.Create("ap-south-1");

        var put = await client.PutRegistryPolicyAsync(new PutRegistryPolicyRequest { PolicyText = RegistryPolicy });
        Assert.Equal(MotoClientFactory.Account, put.RegistryId);
        Assert.Equal(RegistryPolicy, (await client.GetRegistryPolicyAsync()).PolicyText);
        await client.DeleteRegistryPolicyAsync();

        var gone = await Assert.ThrowsAsync<EcrServiceException>(() => client.GetRegistryPolicyAsync());
        Assert.Equal(EcrServiceErrorCodes.RegistryPolicyNotFound, gone.ErrorCode);
    }

    [Fact]
    public async Task Puts_and_gets_the_registry_scanning_configuration()
    {
        using var client = MotoClientFactory.Create("ap-south-1");

        await client.PutRegistryScanningConfigurationAsync(new PutRegistryScanningConfigurationRequest
        {
            ScanType = "BASIC",
            Rules = [new RegistryScanningRule { ScanFrequency = "SCAN_ON_PUSH", RepositoryFilters = [new ScanningRepositoryFilter { Filter = "prod-*", FilterType = "WILDCARD" }] }],
        });
        var got = await client.GetRegistryScanningConfigurationAsync();

        Assert.Equal(MotoClientFactory.Account, got.RegistryId);
        Assert.Equal("BASIC", got.ScanningConfiguration!.ScanType);
        var rule = Assert.Single(got.ScanningConfiguration.Rules!);
        Assert.Equal("SCAN_ON_PUSH", rule.ScanFrequency);
        Assert.Equal("prod-*", Assert.Single(rule.RepositoryFilters!).Filter);
    }

    [Fact]
    public async Task Puts_a_replication_configuration_and_describes_the_registry()
    {
        using var client = MotoClientFactory.Create("ap-south-1");

        var put = await client.PutReplicationConfigurationAsync(new PutReplicationConfigurationRequest
        {
            ReplicationConfiguration = new ReplicationConfiguration
            {
                Rules = [new ReplicationRule { Destinations = [new ReplicationDestination { Region = "eu-west-1", RegistryId = MotoClientFactory.Account }] }],
            },
        });
        Assert.Equal("eu-west-1", Assert.Single(Assert.Single(put.ReplicationConfiguration!.Rules!).Destinations!).Region);

        var registry = await client.DescribeRegistryAsync();
        Assert.Equal(MotoClientFactory.Account, registry.RegistryId);
        Assert.Equal("eu-west-1", Assert.Single(Assert.Single(registry.ReplicationConfiguration!.Rules!).Destinations!).Region);

        await client.PutReplicationConfigurationAsync(new PutReplicationConfigurationRequest { ReplicationConfiguration = new ReplicationConfiguration { Rules = [] } });
        Assert.Empty((await client.DescribeRegistryAsync()).ReplicationConfiguration!.Rules!);
    }

    [Fact]
    public async Task Pull_through_cache_rules_are_not_implemented_by_moto()
    {
        using var client = MotoClientFactory.Create("ap-south-1");

        // moto 5.2.1 has no pull-through cache: HTTP 500 "Internal Server Error" for all three operations.
        var create = await Assert.ThrowsAsync<EcrServiceException>(() => client.CreatePullThroughCacheRuleAsync(new CreatePullThroughCacheRuleRequest
        {
            EcrRepositoryPrefix = "quay",
            UpstreamRegistryUrl = "quay.io",
        }));
        var describe = await Assert.ThrowsAsync<EcrServiceException>(
            () => client.DescribeAllPullThroughCacheRulesAsync(new DescribePullThroughCacheRulesRequest()).ToListAsync().AsTask());
        var delete = await Assert.ThrowsAsync<EcrServiceException>(
            () => client.DeletePullThroughCacheRuleAsync(new DeletePullThroughCacheRuleRequest { EcrRepositoryPrefix = "quay" }));

        Assert.All(new[] { create, describe, delete }, error => Assert.Equal(System.Net.HttpStatusCode.InternalServerError, error.StatusCode));
    }
}
