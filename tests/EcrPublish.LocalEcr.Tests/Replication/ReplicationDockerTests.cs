using EcrPublish.LocalEcr.Tests.Support;
using EcrPublish.Testing;

namespace EcrPublish.LocalEcr.Tests.Replication;

/// <summary>
/// Replication end to end with the real docker CLI and engine: push to the source region, then pull the replica from
/// the destination region's registry path (<c>HOST/&lt;account&gt;.dkr.ecr.&lt;region&gt;/&lt;repository&gt;</c>).
/// </summary>
public sealed class ReplicationDockerTests : IAsyncLifetime
{
    private LocalEcrHarness ecr = null!;
    private DockerCli docker = null!;
    private AwsCli aws = null!;
    private string source = null!;
    private string replica = null!;

    public async Task InitializeAsync()
    {
        ecr = await LocalEcrHarness.StartAsync();
        docker = new DockerCli();
        aws = new AwsCli(TestEnvironment.AwsCliV2, ecr.Server);
        source = $"{ecr.Host}/prod/web:v1";
        replica = $"{ecr.Host}/123456789012.dkr.ecr.eu-west-1/prod/web:v1";
    }

    public async Task DisposeAsync()
    {
        await docker.RunAsync(["image", "rm", "-f", source, replica]);
        docker.DeleteConfig();
        await ecr.DisposeAsync();
    }

    [Fact]
    public async Task Docker_pulls_a_pushed_image_from_the_destination_region()
    {
        await aws.RunAsync("put-replication-configuration", "--replication-configuration", """{"rules":[{"destinations":[{"region":"eu-west-1","registryId":"123456789012"}],"repositoryFilters":[{"filter":"prod","filterType":"PREFIX_MATCH"}]}]}""");
        await aws.RunAsync("create-repository", "--repository-name", "prod/web");
        var password = (await aws.RunAsync("get-login-password")).Trim();
        (await docker.RunAsync(["login", "--username", "AWS", "--password-stdin", ecr.Host], password)).EnsureSuccess();

        await docker.RunCheckedAsync("pull", TestEnvironment.AspNetBaseImage);
        await docker.RunCheckedAsync("tag", TestEnvironment.AspNetBaseImage, source);
        await docker.RunCheckedAsync("push", source);
        var digest = (await aws.JsonAsync("describe-images", "--repository-name", "prod/web", "--region", "eu-west-1"))["imageDetails"]![0]!["imageDigest"]!.GetValue<string>();

        await docker.RunCheckedAsync("image", "rm", source);
        var pull = await docker.RunCheckedAsync("pull", replica);
        Assert.Contains(digest, pull, StringComparison.Ordinal);

        // Whether docker GETs the manifest or only HEADs it depends on what its content store already holds, so the
        // proof is the digest it recorded for the destination's repository.
        var repoDigests = await docker.RunCheckedAsync("image", "inspect", "--format", "{{json .RepoDigests}}", replica);
        Assert.Contains($"{ecr.Host}/123456789012.dkr.ecr.eu-west-1/prod/web@{digest}", repoDigests, StringComparison.Ordinal);
    }
}
