using EcrPublish.LocalEcr.Regions;
using EcrPublish.LocalEcr.Storage;

namespace EcrPublish.LocalEcr.Tests.Replication;

/// <summary>The small rules behind multi-region routing, replication filters and pull-through paths.</summary>
public sealed class RegistryRoutingRulesTests
{
    [Theory]
    [InlineData("/v2/210987654321.dkr.ecr.us-west-2/team/app/manifests/v1", "210987654321", "us-west-2", "/v2/team/app/manifests/v1")]
    [InlineData("/v2/123456789012.dkr.ecr.eu-central-1/app/blobs/uploads/", "123456789012", "eu-central-1", "/v2/app/blobs/uploads/")]
    public void A_prefixed_registry_path_names_its_registry(string path, string account, string region, string rest)
    {
        var parsed = ScopedRegistryPath.Parse(path);
        Assert.NotNull(parsed);
        Assert.Equal(new RegistryScope(account, region), parsed.Value.Scope);
        Assert.Equal(rest, parsed.Value.Path);
    }

    [Theory]
    [InlineData("/v2/team/app/manifests/v1")]
    [InlineData("/v2/")]
    [InlineData("/v2/12345.dkr.ecr.us-west-2/app/manifests/v1")]
    [InlineData("/v2/210987654321.dkr.ecr.US-WEST-2/app/manifests/v1")]
    public void Other_paths_belong_to_the_default_registry(string path) => Assert.Null(ScopedRegistryPath.Parse(path));

    [Fact]
    public void Replication_filters_match_name_prefixes_and_no_filter_matches_all()
    {
        var filtered = new ReplicationRule { RepositoryPrefixes = ["prod/", "shared"] };
        Assert.True(filtered.Matches("prod/api"));
        Assert.True(filtered.Matches("shared-libs"));
        Assert.False(filtered.Matches("dev/prod/api"));
        Assert.True(new ReplicationRule().Matches("anything"));
    }

    [Fact]
    public void Pull_through_rules_map_local_names_to_upstream_repositories()
    {
        var rule = new PullThroughCacheRule { EcrRepositoryPrefix = "docker-hub", UpstreamRegistryUrl = "registry-1.docker.io" };
        Assert.Equal("library/nginx", rule.UpstreamRepositoryFor("docker-hub/library/nginx"));
        Assert.Null(rule.UpstreamRepositoryFor("docker-hubx/library/nginx"));
        Assert.Null(rule.UpstreamRepositoryFor("docker-hub"));

        var prefixed = new PullThroughCacheRule { EcrRepositoryPrefix = "mirror", UpstreamRegistryUrl = "127.0.0.1:5000", UpstreamRepositoryPrefix = "team" };
        Assert.Equal("team/app", prefixed.UpstreamRepositoryFor("mirror/app"));
        var root = new PullThroughCacheRule { EcrRepositoryPrefix = "ROOT", UpstreamRegistryUrl = "127.0.0.1:5000" };
        Assert.Equal("any/name", root.UpstreamRepositoryFor("any/name"));
    }
}
