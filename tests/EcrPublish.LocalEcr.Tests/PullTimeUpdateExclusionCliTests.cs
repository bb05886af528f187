using EcrPublish.LocalEcr.Tests.Support;
using EcrPublish.Testing;

namespace EcrPublish.LocalEcr.Tests;

/// <summary>
/// Pull-time update exclusions with the real AWS CLI v1 (the installed v2 predates them): ECR's validation, paging,
/// persistence, and the effect — a pull by an excluded principal (LocalEcr's own identity, the user named after its
/// access key) leaves <c>lastRecordedPullTime</c> as it was.
/// </summary>
public sealed class PullTimeUpdateExclusionCliTests : IAsyncLifetime
{
    private const string Scanner = "arn:aws:iam::123456789012:role/third-party-scanner";

    private LocalEcrHarness ecr = null!;
    private AwsCli aws = null!;

    public async Task InitializeAsync()
    {
        ecr = await LocalEcrHarness.StartAsync();
        aws = new AwsCli(TestEnvironment.AwsCliV1, ecr.Server);
    }

    public async Task DisposeAsync() => await ecr.DisposeAsync();

    [Fact]
    public async Task Exclusions_are_registered_listed_paged_and_deregistered()
    {
        var registered = await aws.JsonAsync("register-pull-time-update-exclusion", "--principal-arn", Scanner);
        Assert.Equal(Scanner, registered["principalArn"]!.GetValue<string>());
        Assert.NotNull(registered["createdAt"]);
        var again = await aws.RunRawAsync(null, "register-pull-time-update-exclusion", "--principal-arn", Scanner);
        Assert.Contains("ExclusionAlreadyExistsException", again.StandardError, StringComparison.Ordinal);

        await aws.RunAsync("register-pull-time-update-exclusion", "--principal-arn", "arn:aws:iam::123456789012:user/ci/robot");
        var first = await aws.JsonAsync("list-pull-time-update-exclusions", "--max-results", "1");
        Assert.Equal($"[\"{Scanner}\"]", first["pullTimeUpdateExclusions"]!.ToJsonString());
        var second = await aws.JsonAsync("list-pull-time-update-exclusions", "--max-results", "1", "--next-token", first["nextToken"]!.GetValue<string>());
        Assert.Equal("[\"arn:aws:iam::123456789012:user/ci/robot\"]", second["pullTimeUpdateExclusions"]!.ToJsonString());
        Assert.Null(second["nextToken"]);

        Assert.Equal(Scanner, (await aws.JsonAsync("deregister-pull-time-update-exclusion", "--principal-arn", Scanner))["principalArn"]!.GetValue<string>());
        var gone = await aws.RunRawAsync(null, "deregister-pull-time-update-exclusion", "--principal-arn", Scanner);
        Assert.Contains("ExclusionNotFoundException", gone.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("arn:aws:iam::123456789012:group/admins")]
    [InlineData("arn:aws:sts::123456789012:assumed-role/x/y")]
    [InlineData("not-an-arn")]
    public async Task Principals_other_than_iam_roles_and_users_are_refused(string principal)
    {
        var result = await aws.RunRawAsync(null, "register-pull-time-update-exclusion", "--principal-arn", principal);
        Assert.Contains("InvalidParameterException", result.StandardError, StringComparison.Ordinal);
        Assert.Empty((await aws.JsonAsync("list-pull-time-update-exclusions"))["pullTimeUpdateExclusions"]!.AsArray());
    }

    [Fact]
    public async Task At_most_100_exclusions_are_kept()
    {
        for (var i = 0; i < 100; i++)
        {
            (await ecr.Ecr.CallAsync("RegisterPullTimeUpdateExclusion", $$"""{"principalArn":"arn:aws:iam::123456789012:role/r{{i}}"}""")).Ok();
        }

        var over = await ecr.Ecr.CallAsync("RegisterPullTimeUpdateExclusion", """{"principalArn":"arn:aws:iam::123456789012:role/one-more"}""");
        Assert.Equal("LimitExceededException", over.ErrorType);
    }

    [Fact]
    public async Task A_pull_by_an_excluded_principal_leaves_the_pull_time_and_the_exclusion_survives_a_restart()
    {
        using var data = new TemporaryDataDirectory("pull-time");
        await using (var first = await LocalEcrHarness.StartAsync(data.Path))
        {
            var cli = new AwsCli(TestEnvironment.AwsCliV1, first.Server);
            await first.CreateRepositoryAsync("app");
            using var registry = await first.RegistryAsync();
            await registry.PushImageAsync("app", "v1", layers: 1);
            await cli.RunAsync("register-pull-time-update-exclusion", "--principal-arn", $"arn:aws:iam::123456789012:user/{first.Server.Options.AccessKeyId}");
            using var pulled = await registry.SendAsync(HttpMethod.Get, "/v2/app/manifests/v1");
            Assert.Equal(200, (int)pulled.StatusCode);
            await cli.RunAsync("batch-get-image", "--repository-name", "app", "--image-ids", "imageTag=v1");
            Assert.Null((await cli.JsonAsync("describe-images", "--repository-name", "app"))["imageDetails"]![0]!["lastRecordedPullTime"]);
        }

        await using var second = await LocalEcrHarness.StartAsync(data.Path);
        var again = new AwsCli(TestEnvironment.AwsCliV1, second.Server);
        Assert.Single((await again.JsonAsync("list-pull-time-update-exclusions"))["pullTimeUpdateExclusions"]!.AsArray());
        await again.RunAsync("batch-get-image", "--repository-name", "app", "--image-ids", "imageTag=v1");
        Assert.Null((await again.JsonAsync("describe-images", "--repository-name", "app"))["imageDetails"]![0]!["lastRecordedPullTime"]);

        await again.RunAsync("deregister-pull-time-update-exclusion", "--principal-arn", $"arn:aws:iam::123456789012:user/{second.Server.Options.AccessKeyId}");
        await again.RunAsync("batch-get-image", "--repository-name", "app", "--image-ids", "imageTag=v1");
        Assert.NotNull((await again.JsonAsync("describe-images", "--repository-name", "app"))["imageDetails"]![0]!["lastRecordedPullTime"]);
    }
}
