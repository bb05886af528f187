using System.Security.Cryptography;
using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Tests.Support;
using EcrPublish.Testing;

namespace EcrPublish.LocalEcr.Tests;

/// <summary>GetAccountSetting and PutAccountSetting with the AWS CLI v1, and BLOB_MOUNTING deciding cross-repository mounts.</summary>
public sealed class AccountSettingTests : IAsyncLifetime
{
    private string data = null!;
    private LocalEcrHarness ecr = null!;

    public async Task InitializeAsync()
    {
        data = Path.Combine(TestEnvironment.WorkDirectory, "account-settings-" + Guid.NewGuid().ToString("N"));
        ecr = await LocalEcrHarness.StartAsync(data);
    }

    public async Task DisposeAsync()
    {
        await ecr.DisposeAsync();
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task Settings_have_ecrs_defaults_take_allowed_values_and_survive_a_restart()
    {
        var aws = new AwsCli(TestEnvironment.AwsCliV1, ecr.Server);
        Assert.Equal("""{"name":"BASIC_SCAN_TYPE_VERSION","value":"AWS_NATIVE"}""", (await aws.JsonAsync("get-account-setting", "--name", "BASIC_SCAN_TYPE_VERSION")).ToJsonString());
        Assert.Equal("""{"name":"REGISTRY_POLICY_SCOPE","value":"V2"}""", (await aws.JsonAsync("get-account-setting", "--name", "REGISTRY_POLICY_SCOPE")).ToJsonString());
        Assert.Equal("""{"name":"BLOB_MOUNTING","value":"DISABLED"}""", (await aws.JsonAsync("get-account-setting", "--name", "BLOB_MOUNTING")).ToJsonString());

        Assert.Equal("""{"name":"BLOB_MOUNTING","value":"ENABLED"}""", (await aws.JsonAsync("put-account-setting", "--name", "BLOB_MOUNTING", "--value", "ENABLED")).ToJsonString());
        await aws.RunAsync("put-account-setting", "--name", "REGISTRY_POLICY_SCOPE", "--value", "V1");
        var badValue = await aws.RunRawAsync(null, "put-account-setting", "--name", "BLOB_MOUNTING", "--value", "YES");
        Assert.Contains("InvalidParameterException", badValue.StandardError, StringComparison.Ordinal);
        Assert.Contains("Valid values: DISABLED, ENABLED", badValue.StandardError, StringComparison.Ordinal);
        var badName = await aws.RunRawAsync(null, "get-account-setting", "--name", "NO_SUCH_SETTING");
        Assert.Contains("Invalid account setting name 'NO_SUCH_SETTING'", badName.StandardError, StringComparison.Ordinal);

        await ecr.DisposeAsync();
        ecr = await LocalEcrHarness.StartAsync(data);
        aws = new AwsCli(TestEnvironment.AwsCliV1, ecr.Server);
        Assert.Equal("ENABLED", (await aws.JsonAsync("get-account-setting", "--name", "BLOB_MOUNTING"))["value"]!.GetValue<string>());
        Assert.Equal("V1", (await aws.JsonAsync("get-account-setting", "--name", "REGISTRY_POLICY_SCOPE"))["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Blobs_are_mounted_across_repositories_only_while_blob_mounting_is_enabled()
    {
        await ecr.CreateRepositoryAsync("mount/source");
        await ecr.CreateRepositoryAsync("mount/target");
        (await ecr.Ecr.CallAsync("CreateRepository", """{"repositoryName":"mount/kms","encryptionConfiguration":{"encryptionType":"KMS"}}""")).Ok();
        using var registry = await ecr.RegistryAsync();
        var (_, manifest) = await registry.PushImageAsync("mount/source", "v1", layers: 1);
        var layer = JsonNode.Parse(manifest)!["layers"]![0]!["digest"]!.GetValue<string>();
        var loose = await registry.PushBlobAsync("mount/source", RandomNumberGenerator.GetBytes(200));

        Assert.Equal(202, await MountAsync(registry, "mount/target", layer, "mount/source"));
        (await ecr.Ecr.CallAsync("PutAccountSetting", """{"name":"BLOB_MOUNTING","value":"ENABLED"}""")).Ok();
        Assert.Equal(202, await MountAsync(registry, "mount/target", loose, "mount/source"));
        Assert.Equal(202, await MountAsync(registry, "mount/kms", layer, "mount/source"));
        Assert.Equal(201, await MountAsync(registry, "mount/target", layer, "mount/source"));
        using var head = await registry.SendAsync(HttpMethod.Head, $"/v2/mount/target/blobs/{layer}");
        Assert.Equal(200, (int)head.StatusCode);

        // Disabling keeps what was mounted ("layers will remain mounted", ECR user guide) and mounts no more.
        (await ecr.Ecr.CallAsync("PutAccountSetting", """{"name":"BLOB_MOUNTING","value":"DISABLED"}""")).Ok();
        await ecr.CreateRepositoryAsync("mount/later");
        Assert.Equal(202, await MountAsync(registry, "mount/later", layer, "mount/source"));
        using var still = await registry.SendAsync(HttpMethod.Head, $"/v2/mount/target/blobs/{layer}");
        Assert.Equal(200, (int)still.StatusCode);
    }

    private static async Task<int> MountAsync(RegistryTestClient registry, string target, string digest, string from)
    {
        using var response = await registry.SendAsync(HttpMethod.Post, $"/v2/{target}/blobs/uploads/?mount={digest}&from={from}");
        if ((int)response.StatusCode == 201)
        {
            Assert.Equal($"/v2/{target}/blobs/{digest}", response.Headers.Location!.ToString());
        }

        return (int)response.StatusCode;
    }
}
