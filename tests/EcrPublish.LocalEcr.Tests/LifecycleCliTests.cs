using System.Text.Json.Nodes;
using EcrPublish.Lifecycle;
using EcrPublish.LocalEcr.Tests.Support;
using EcrPublish.Testing;

namespace EcrPublish.LocalEcr.Tests;

/// <summary>
/// The Lifecycle Policies commands of the ECR cheat sheet, the preview waiter and lifecycle execution, run with the
/// real AWS CLI v2 against LocalEcr.
/// </summary>
public sealed class LifecycleCliTests : IAsyncLifetime
{
    private const string CheatSheetPolicy = CheatSheet.LifecyclePolicy;

    // Keep the two newest dev- images and the newest untagged one.
    private const string KeepFewPolicy = """
        {"rules":[
          {"rulePriority":1,"description":"Keep two dev images","selection":{"tagStatus":"tagged","tagPrefixList":["dev-"],"countType":"imageCountMoreThan","countNumber":2},"action":{"type":"expire"}},
          {"rulePriority":2,"description":"Keep one untagged image","selection":{"tagStatus":"untagged","countType":"imageCountMoreThan","countNumber":1},"action":{"type":"expire"}}
        ]}
        """;

    private LocalEcrHarness ecr = null!;
    private AwsCli aws = null!;

    public async Task InitializeAsync()
    {
        // Long enough that the calls right after a start see IN_PROGRESS on a busy machine; the waiter polls every 5 s.
        ecr = await LocalEcrHarness.StartAsync(configure: options => options.LifecyclePreviewDuration = TimeSpan.FromSeconds(4));
        aws = new AwsCli(TestEnvironment.AwsCliV2, ecr.Server);
    }

    public async Task DisposeAsync() => await ecr.DisposeAsync();

    [Fact]
    public async Task Cheat_sheet_lifecycle_commands_put_get_and_delete_the_policy()
    {
        await aws.RunAsync("create-repository", "--repository-name", "my-app/backend");
        var file = WritePolicyFile(CheatSheetPolicy);

        var put = await aws.JsonAsync("put-lifecycle-policy", "--repository-name", "my-app/backend", "--lifecycle-policy-text", "file://" + file);
        Assert.Equal("123456789012", put["registryId"]!.GetValue<string>());
        Assert.Equal("my-app/backend", put["repositoryName"]!.GetValue<string>());
        Assert.Equal(CheatSheetPolicy, put["lifecyclePolicyText"]!.GetValue<string>());

        var got = await aws.JsonAsync("get-lifecycle-policy", "--repository-name", "my-app/backend");
        Assert.Equal(CheatSheetPolicy, got["lifecyclePolicyText"]!.GetValue<string>());

        var deleted = await aws.JsonAsync("delete-lifecycle-policy", "--repository-name", "my-app/backend");
        Assert.Equal(CheatSheetPolicy, deleted["lifecyclePolicyText"]!.GetValue<string>());

        var gone = await aws.RunRawAsync(null, "get-lifecycle-policy", "--repository-name", "my-app/backend");
        Assert.NotEqual(0, gone.ExitCode);
        Assert.Contains("LifecyclePolicyNotFoundException", gone.StandardError, StringComparison.Ordinal);
        Assert.Contains(LifecyclePolicyMessages.PolicyNotFound, gone.StandardError, StringComparison.Ordinal);

        var deletedAgain = await aws.RunRawAsync(null, "delete-lifecycle-policy", "--repository-name", "my-app/backend");
        Assert.Contains("LifecyclePolicyNotFoundException", deletedAgain.StandardError, StringComparison.Ordinal);

        var noPreview = await aws.RunRawAsync(null, "get-lifecycle-policy-preview", "--repository-name", "my-app/backend");
        Assert.Contains("LifecyclePolicyPreviewNotFoundException", noPreview.StandardError, StringComparison.Ordinal);
        Assert.Contains("There is no dry run for this repository.", noPreview.StandardError, StringComparison.Ordinal);

        var noRepository = await aws.RunRawAsync(null, "put-lifecycle-policy", "--repository-name", "missing", "--lifecycle-policy-text", "file://" + file);
        Assert.Contains("RepositoryNotFoundException", noRepository.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_policy_is_refused_with_ECRs_message_and_nothing_is_stored()
    {
        await aws.RunAsync("create-repository", "--repository-name", "strict");
        // sinceImagePushed needs countUnit; ECR refuses the policy as a whole.
        var invalid = CheatSheetPolicy.Replace("\"countUnit\": \"days\",", string.Empty, StringComparison.Ordinal);
        var expected = LifecyclePolicyValidator.Validate(invalid).EcrMessage;
        Assert.NotNull(expected);

        var refused = await aws.RunRawAsync(null, "put-lifecycle-policy", "--repository-name", "strict", "--lifecycle-policy-text", "file://" + WritePolicyFile(invalid));
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("InvalidParameterException", refused.StandardError, StringComparison.Ordinal);
        Assert.Contains("Lifecycle policy validation failure", refused.StandardError, StringComparison.Ordinal);
        Assert.Contains(expected, refused.StandardError, StringComparison.Ordinal);

        // The CLI checks the 100-character minimum itself; a raw call shows LocalEcr checks it too.
        var tooShort = await ecr.Ecr.CallAsync("PutLifecyclePolicy", """{"repositoryName":"strict","lifecyclePolicyText":"{\"rules\":[]}"}""");
        Assert.Equal("InvalidParameterException", tooShort.ErrorType);
        Assert.Contains("lifecyclePolicyText", tooShort.Message, StringComparison.Ordinal);

        var preview = await aws.RunRawAsync(null, "start-lifecycle-policy-preview", "--repository-name", "strict", "--lifecycle-policy-text", "file://" + WritePolicyFile(invalid));
        Assert.Contains("InvalidParameterException", preview.StandardError, StringComparison.Ordinal);

        var withoutPolicy = await aws.RunRawAsync(null, "start-lifecycle-policy-preview", "--repository-name", "strict");
        Assert.Contains("LifecyclePolicyNotFoundException", withoutPolicy.StandardError, StringComparison.Ordinal);

        var nothing = await aws.RunRawAsync(null, "get-lifecycle-policy", "--repository-name", "strict");
        Assert.Contains("LifecyclePolicyNotFoundException", nothing.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_completes_for_the_waiter_and_running_the_policy_deletes_exactly_the_previewed_images()
    {
        const string repository = "my-app/web";
        await aws.RunAsync("create-repository", "--repository-name", repository);
        var pushed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var reference in new[] { "dev-1", "dev-2", "untagged-1", "dev-3", "v1.0.0", "dev-4", "untagged-2", "dev-5" })
        {
            pushed[reference] = await PushAsync(repository, reference.StartsWith("untagged", StringComparison.Ordinal) ? null : reference);
        }

        var policyFile = WritePolicyFile(KeepFewPolicy);
        var started = await aws.JsonAsync("start-lifecycle-policy-preview", "--repository-name", repository, "--lifecycle-policy-text", "file://" + policyFile);
        Assert.Equal("IN_PROGRESS", started["status"]!.GetValue<string>());
        Assert.Equal(KeepFewPolicy, started["lifecyclePolicyText"]!.GetValue<string>());

        // Straight after the start (a raw call, no CLI start-up time): the preview is still running.
        var again = await ecr.Ecr.CallAsync("StartLifecyclePolicyPreview", new JsonObject { ["repositoryName"] = repository, ["lifecyclePolicyText"] = KeepFewPolicy });
        Assert.Equal("LifecyclePolicyPreviewInProgressException", again.ErrorType);
        Assert.Equal(LifecyclePolicyMessages.PreviewInProgress, again.Message);
        var running = (await ecr.Ecr.CallAsync("GetLifecyclePolicyPreview", new JsonObject { ["repositoryName"] = repository })).Ok();
        Assert.Equal("IN_PROGRESS", running["status"]!.GetValue<string>());

        await aws.RunAsync("wait", "lifecycle-policy-preview-complete", "--repository-name", repository);

        var preview = await aws.JsonAsync("get-lifecycle-policy-preview", "--repository-name", repository);
        Assert.Equal("COMPLETE", preview["status"]!.GetValue<string>());
        Assert.Equal(4, preview["summary"]!["expiringImageTotalCount"]!.GetValue<int>());
        string[] expected = [pushed["dev-1"], pushed["dev-2"], pushed["dev-3"], pushed["untagged-1"]];
        var previewed = Digests(preview["previewResults"]!);
        Assert.Equal(expected.Order(StringComparer.Ordinal), previewed.Order(StringComparer.Ordinal));
        var first = preview["previewResults"]!.AsArray().Single(result => result!["imageDigest"]!.GetValue<string>() == pushed["dev-1"])!;
        Assert.Equal("""{"type":"EXPIRE"}""", first["action"]!.ToJsonString());
        Assert.Equal(1, first["appliedRulePriority"]!.GetValue<int>());
        // storageClass is newer than this CLI's model (the CLI drops it); the wire carries it.
        var raw = (await ecr.Ecr.CallAsync("GetLifecyclePolicyPreview", $$"""{"repositoryName":"{{repository}}","imageIds":[{"imageTag":"dev-1"}]}""")).Ok();
        Assert.Equal("STANDARD", raw["previewResults"]![0]!["storageClass"]!.GetValue<string>());
        Assert.Equal("dev-1", first["imageTags"]![0]!.GetValue<string>());
        var untagged = preview["previewResults"]!.AsArray().Single(result => result!["imageDigest"]!.GetValue<string>() == pushed["untagged-1"])!;
        Assert.Equal(2, untagged["appliedRulePriority"]!.GetValue<int>());
        Assert.Null(untagged["imageTags"]);

        // One result per page: the CLI follows nextToken and still sees all four; --max-items cuts and returns a token.
        var paged = await aws.JsonAsync("get-lifecycle-policy-preview", "--repository-name", repository, "--page-size", "1");
        Assert.Equal(previewed, Digests(paged["previewResults"]!));
        var cut = await aws.JsonAsync("get-lifecycle-policy-preview", "--repository-name", repository, "--max-items", "3");
        Assert.Equal(3, cut["previewResults"]!.AsArray().Count);
        Assert.NotNull(cut["NextToken"]);
        var onlyUntagged = await aws.JsonAsync("get-lifecycle-policy-preview", "--repository-name", repository, "--filter", "tagStatus=UNTAGGED");
        Assert.Equal([pushed["untagged-1"]], Digests(onlyUntagged["previewResults"]!));
        var byTag = await aws.JsonAsync("get-lifecycle-policy-preview", "--repository-name", repository, "--image-ids", "imageTag=dev-2");
        Assert.Equal([pushed["dev-2"]], Digests(byTag["previewResults"]!));

        await aws.RunAsync("put-lifecycle-policy", "--repository-name", repository, "--lifecycle-policy-text", "file://" + policyFile);
        var run = await RunLifecycleAsync();
        var expired = run["repositories"]!.AsArray().Single(entry => entry!["repositoryName"]!.GetValue<string>() == repository)!;
        Assert.Equal(previewed.Order(StringComparer.Ordinal), Digests(expired["expiredImageDigests"]!, plain: true).Order(StringComparer.Ordinal));

        var remaining = await aws.JsonAsync("describe-images", "--repository-name", repository);
        var remainingDigests = remaining["imageDetails"]!.AsArray().Select(image => image!["imageDigest"]!.GetValue<string>()).Order(StringComparer.Ordinal);
        Assert.Equal(new[] { pushed["dev-4"], pushed["dev-5"], pushed["v1.0.0"], pushed["untagged-2"] }.Order(StringComparer.Ordinal), remainingDigests);
        var evaluated = await aws.JsonAsync("get-lifecycle-policy", "--repository-name", repository);
        Assert.NotNull(evaluated["lastEvaluatedAt"]);

        // The policy now keeps everything that is left.
        var second = await RunLifecycleAsync();
        Assert.Empty(second["repositories"]![0]!["expiredImageDigests"]!.AsArray());
    }

    [Fact]
    public async Task A_preview_survives_a_restart_with_the_same_data_directory()
    {
        var data = Path.Combine(TestEnvironment.WorkDirectory, "lifecycle-restart-" + Guid.NewGuid().ToString("N"));
        try
        {
            string previewBefore;
            await using (var first = await LocalEcrHarness.StartAsync(data))
            {
                var cli = new AwsCli(TestEnvironment.AwsCliV2, first.Server);
                await cli.RunAsync("create-repository", "--repository-name", "kept");
                using (var registry = await first.RegistryAsync())
                {
                    for (var i = 1; i <= 3; i++)
                    {
                        await registry.PushImageAsync("kept", $"dev-{i}", layers: 1);
                        first.Clock.Offset += TimeSpan.FromSeconds(1);
                    }
                }

                await cli.RunAsync("start-lifecycle-policy-preview", "--repository-name", "kept", "--lifecycle-policy-text", KeepFewPolicy);
                await cli.RunAsync("wait", "lifecycle-policy-preview-complete", "--repository-name", "kept");
                previewBefore = (await cli.JsonAsync("get-lifecycle-policy-preview", "--repository-name", "kept"))["previewResults"]!.ToJsonString();
            }

            await using var second = await LocalEcrHarness.StartAsync(data);
            var after = await new AwsCli(TestEnvironment.AwsCliV2, second.Server).JsonAsync("get-lifecycle-policy-preview", "--repository-name", "kept");
            Assert.Equal("COMPLETE", after["status"]!.GetValue<string>());
            Assert.Equal(previewBefore, after["previewResults"]!.ToJsonString());
            Assert.Single(after["previewResults"]!.AsArray());
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Lifecycle_interval_expires_images_without_being_asked()
    {
        await using var scheduled = await LocalEcrHarness.StartAsync(configure: options => options.LifecycleInterval = TimeSpan.FromMilliseconds(200));
        await scheduled.CreateRepositoryAsync("scheduled");
        using (var registry = await scheduled.RegistryAsync())
        {
            for (var i = 1; i <= 4; i++)
            {
                await registry.PushImageAsync("scheduled", $"dev-{i}", layers: 1);
                scheduled.Clock.Offset += TimeSpan.FromSeconds(1);
            }
        }

        (await scheduled.Ecr.CallAsync("PutLifecyclePolicy", new JsonObject { ["repositoryName"] = "scheduled", ["lifecyclePolicyText"] = KeepFewPolicy })).Ok();
        var tags = new List<string>();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var images = (await scheduled.Ecr.CallAsync("DescribeImages", """{"repositoryName":"scheduled"}""")).Ok()["imageDetails"]!.AsArray();
            tags = images.SelectMany(image => image!["imageTags"]!.AsArray().Select(tag => tag!.GetValue<string>())).Order(StringComparer.Ordinal).ToList();
            if (tags.Count == 2)
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.Equal(["dev-3", "dev-4"], tags);
    }

    private static List<string> Digests(JsonNode results, bool plain = false) => results.AsArray()
        .Select(result => plain ? result!.GetValue<string>() : result!["imageDigest"]!.GetValue<string>())
        .ToList();

    private async Task<string> PushAsync(string repository, string? tag)
    {
        using var registry = await ecr.RegistryAsync();
        var manifest = await registry.UploadImageContentAsync(repository, layers: 1);
        var digest = RegistryTestClient.Digest(manifest);
        using var put = await registry.SendAsync(HttpMethod.Put, $"/v2/{repository}/manifests/{tag ?? digest}", manifest, RegistryTestClient.OciManifest);
        Assert.True((int)put.StatusCode == 201, await put.Content.ReadAsStringAsync());

        // Distinct push times, so "oldest" is well defined.
        ecr.Clock.Offset += TimeSpan.FromSeconds(1);
        return digest;
    }

    private async Task<JsonNode> RunLifecycleAsync()
    {
        using var registry = await ecr.RegistryAsync();
        using var response = await registry.SendAsync(HttpMethod.Post, "/_localecr/lifecycle/run");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!;
    }

    private static string WritePolicyFile(string text)
    {
        Directory.CreateDirectory(TestEnvironment.WorkDirectory);
        var path = Path.Combine(TestEnvironment.WorkDirectory, "lifecycle-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, text);
        return path;
    }
}
