using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Tests.Support;
using EcrPublish.Testing;

namespace EcrPublish.LocalEcr.Tests;

/// <summary>
/// The cheat sheet's Push/Pull workflow with the real docker CLI and engine: log in with
/// <c>aws ecr get-login-password | docker login</c>, build a multi-layer image, push it under two tags, pull it back.
/// </summary>
public sealed class DockerPushPullTests : LocalEcrDockerTest
{
    public override async Task DisposeAsync()
    {
        await Docker.RunAsync(["image", "rm", "-f", $"{Ecr.Host}/my-app/backend:v1.2.0", $"{Ecr.Host}/my-app/backend:latest", $"my-app/backend:{Ecr.Server.Endpoint.Port}"]);
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Docker_logs_in_pushes_a_multi_layer_image_and_pulls_it_back()
    {
        await LoginAsync();
        await Ecr.CreateRepositoryAsync("my-app/backend");
        var local = $"my-app/backend:{Ecr.Server.Endpoint.Port}";
        await BuildImageAsync(local);

        var target = $"{Ecr.Host}/my-app/backend:v1.2.0";
        await Docker.RunCheckedAsync("tag", local, target);
        var push = await Docker.RunCheckedAsync("push", target);
        Assert.Contains("digest: sha256:", push, StringComparison.Ordinal);
        await Docker.RunCheckedAsync("tag", local, $"{Ecr.Host}/my-app/backend:latest");
        await Docker.RunCheckedAsync("push", $"{Ecr.Host}/my-app/backend:latest");

        var detail = (await Ecr.Ecr.CallAsync("DescribeImages", """{"repositoryName":"my-app/backend"}""")).Ok()["imageDetails"]!.AsArray().Single()!;
        Assert.Equal(["latest", "v1.2.0"], detail["imageTags"]!.AsArray().Select(tag => tag!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal("application/vnd.docker.distribution.manifest.v2+json", detail["imageManifestMediaType"]!.GetValue<string>());
        Assert.True(detail["imageSizeInBytes"]!.GetValue<long>() > 1000);

        await Docker.RunCheckedAsync("image", "rm", target, $"{Ecr.Host}/my-app/backend:latest");
        var pull = await Docker.RunCheckedAsync("pull", target);
        Assert.Contains(detail["imageDigest"]!.GetValue<string>(), pull, StringComparison.Ordinal);
        var layers = JsonNode.Parse(await Docker.RunCheckedAsync("image", "inspect", "--format", "{{json .RootFS.Layers}}", target))!.AsArray();
        Assert.True(layers.Count >= 2, $"expected a multi-layer image, got {layers.Count} layer(s)");

        var pulled = (await Ecr.Ecr.CallAsync("DescribeImages", """{"repositoryName":"my-app/backend"}""")).Ok()["imageDetails"]![0]!;
        Assert.NotNull(pulled["lastRecordedPullTime"]);
    }

    [Fact]
    public async Task Docker_push_to_an_immutable_tag_that_exists_fails()
    {
        await LoginAsync();
        await Ecr.CreateRepositoryAsync("my-app/frozen", "IMMUTABLE");
        var local = $"my-app/backend:{Ecr.Server.Endpoint.Port}";
        await BuildImageAsync(local);
        var target = $"{Ecr.Host}/my-app/frozen:v1";
        await Docker.RunCheckedAsync("tag", local, target);
        await Docker.RunCheckedAsync("push", target);

        var again = await Docker.RunAsync(["push", target]);
        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("cannot be overwritten because the tag is immutable", again.StandardError + again.StandardOutput, StringComparison.Ordinal);
        await Docker.RunAsync(["image", "rm", target]);
    }

    private async Task LoginAsync()
    {
        var aws = new AwsCli(TestEnvironment.AwsCliV2, Ecr.Server);
        var password = (await aws.RunAsync("get-login-password", "--region", "us-east-1")).Trim();
        var login = await Docker.RunAsync(["login", "--username", "AWS", "--password-stdin", Ecr.Host], password);
        Assert.True(login.ExitCode == 0, login.StandardError);
        Assert.Contains("Login Succeeded", login.StandardOutput, StringComparison.Ordinal);
    }

    /// <summary>The ASP.NET Core base image plus one layer of our own: at least two layers.</summary>
    private async Task BuildImageAsync(string tag)
    {
        var context = Path.Combine(TestEnvironment.WorkDirectory, "build-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(context);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(context, "hello.txt"), Guid.NewGuid().ToString());
            await File.WriteAllTextAsync(Path.Combine(context, "Dockerfile"), $"FROM {TestEnvironment.AspNetBaseImage}\nCOPY hello.txt /hello.txt\n");
            await Docker.RunCheckedAsync("pull", TestEnvironment.AspNetBaseImage);
            (await Docker.RunAsync(["build", "-q", "-t", tag, context])).EnsureSuccess();
        }
        finally
        {
            Directory.Delete(context, recursive: true);
        }
    }
}
