using Xunit;
using System.Text.Json.Nodes;
using EcrPublish.Images;
using EcrPublish.IntegrationTests.Registry;
using EcrPublish.Testing;

namespace EcrPublish.IntegrationTests.Images;

/// <summary>Builds images of real published apps, pushes them to Debian's docker-registry and runs them in a real Docker engine.</summary>
public sealed class ImagePushTests(PublishedApps apps) : IClassFixture<PublishedApps>
{
    [Fact]
    public async Task Web_app_image_is_accepted_by_skopeo_and_docker_and_answers_http()
    {
        using var session = new ImageEngineSession();
        var repository = ImageEngineSession.NewRepository("web");
        var image = await session.Builder.BuildAsync(ImageEngineSession.Options(apps.WebOut, session.AspNetBase), CancellationToken.None);
        var result = await session.Pusher.PushAsync(image, repository, ["1.2.3", "latest"], CancellationToken.None);

        Assert.Equal(image.Digest, result.Digest);
        Assert.Equal(["1.2.3", "latest"], result.TagsPushed);
        Assert.True(result.BlobsMounted >= 1, "the base layer lives in the same registry and should be mounted");

        var reference = $"{session.Registry}/{repository}:1.2.3";
        var inspect = (await ProcessRunner.RunAsync(TestEnvironment.Skopeo, ["inspect", "--tls-verify=false", "docker://" + reference])).EnsureSuccess();
        var inspected = JsonNode.Parse(inspect.StandardOutput)!;
        Assert.Equal(image.Digest, inspected["Digest"]!.GetValue<string>());
        Assert.Equal("1.2.3", inspected["Labels"]!["org.opencontainers.image.version"]!.GetValue<string>());

        await DockerAsync("pull", reference);
        try
        {
            await using var container = await RunningContainer.StartWebAppAsync(reference);
            Assert.Equal("Hello World!", await container.GetAsync("/"));
        }
        finally
        {
            await ProcessRunner.RunAsync(TestEnvironment.Docker, ["-H", TestEnvironment.DockerHost, "rmi", reference]);
        }
    }

    [Fact]
    public async Task Console_app_image_prints_its_output()
    {
        using var session = new ImageEngineSession();
        var repository = ImageEngineSession.NewRepository("console");
        var image = await session.Builder.BuildAsync(ImageEngineSession.Options(apps.ConsoleOut, session.RuntimeBase), CancellationToken.None);
        await session.Pusher.PushAsync(image, repository, ["v1"], CancellationToken.None);

        var reference = $"{session.Registry}/{repository}:v1";
        var run = await DockerAsync("run", "--rm", "--network=host", reference);
        Assert.Equal("hello from console v1", run.StandardOutput.Trim());
        await ProcessRunner.RunAsync(TestEnvironment.Docker, ["-H", TestEnvironment.DockerHost, "rmi", reference]);
    }

    [Fact]
    public async Task An_app_layer_compressed_in_many_parallel_blocks_unpacks_in_docker_byte_for_byte_and_runs()
    {
        using var session = new ImageEngineSession();
        var publish = Path.Combine(session.CacheDirectory, "publish-with-data");
        Directory.CreateDirectory(publish);
        foreach (var file in Directory.EnumerateFiles(apps.ConsoleOut))
        {
            File.Copy(file, Path.Combine(publish, Path.GetFileName(file)));
        }

        // Several 1 MiB blocks, the last one partial: the app layer is many independent deflate blocks in one member.
        var data = Path.Combine(publish, "data.bin");
        MixedLayerData.WriteFile(data, (5 * 1024 * 1024) + 4321);
        string expected;
        await using (var read = File.OpenRead(data))
        {
            expected = ContentDigest.Hex(ContentDigest.Of(read));
        }

        var repository = ImageEngineSession.NewRepository("blocks");
        var image = await session.Builder.BuildAsync(ImageEngineSession.Options(publish, session.RuntimeBase), CancellationToken.None);
        Assert.Contains(image.Images[0].AppLayers, layer => layer.Size > 2 * 1024 * 1024);
        await session.Pusher.PushAsync(image, repository, ["v1"], CancellationToken.None);

        var reference = $"{session.Registry}/{repository}:v1";
        try
        {
            var run = await DockerAsync("run", "--rm", "--network=host", reference);
            Assert.Equal("hello from console v1", run.StandardOutput.Trim());
            var sum = await DockerAsync("run", "--rm", "--network=host", "--entrypoint", "sha256sum", reference, "/app/data.bin");
            Assert.Equal(expected, sum.StandardOutput.Split(' ')[0]);
        }
        finally
        {
            await ProcessRunner.RunAsync(TestEnvironment.Docker, ["-H", TestEnvironment.DockerHost, "rmi", reference]);
        }
    }

    [Fact]
    public async Task Two_builds_of_the_same_publish_folder_give_identical_digests()
    {
        using var first = new ImageEngineSession();
        using var second = new ImageEngineSession();
        var options = ImageEngineSession.Options(apps.ConsoleOut, first.RuntimeBase);

        var a = await first.Builder.BuildAsync(options, CancellationToken.None);
        var b = await second.Builder.BuildAsync(options, CancellationToken.None);

        Assert.Equal(a.Digest, b.Digest);
        Assert.Equal(a.Images[0].ManifestBytes, b.Images[0].ManifestBytes);
        Assert.Equal(a.Images[0].ConfigBytes, b.Images[0].ConfigBytes);
        foreach (var (left, right) in a.Images[0].AppLayers.Zip(b.Images[0].AppLayers))
        {
            Assert.Equal(File.ReadAllBytes(left.BlobPath!), File.ReadAllBytes(right.BlobPath!));
        }
    }

    [Fact]
    public async Task A_code_only_change_uploads_only_the_app_layer_and_a_repush_sends_nothing()
    {
        await using var proxy = new RegistryProxy(TestEnvironment.Registry);
        using var session = new ImageEngineSession(proxy.Address);
        var repository = ImageEngineSession.NewRepository("delta");
        var v1 = await session.Builder.BuildAsync(ImageEngineSession.Options(apps.ConsoleOut, session.RuntimeBase), CancellationToken.None);
        var v2 = await session.Builder.BuildAsync(ImageEngineSession.Options(apps.ConsoleOutV2, session.RuntimeBase), CancellationToken.None);
        Assert.Equal(["project-references", "app"], v1.Images[0].AppLayers.Select(layer => layer.Name));
        Assert.Equal(v1.Images[0].AppLayers[0].Digest, v2.Images[0].AppLayers[0].Digest);
        Assert.NotEqual(v1.Images[0].AppLayers[1].Digest, v2.Images[0].AppLayers[1].Digest);

        await session.Pusher.PushAsync(v1, repository, ["v1"], CancellationToken.None);
        proxy.Reset();
        var second = await session.Pusher.PushAsync(v2, repository, ["v2"], CancellationToken.None);

        var appLayer = v2.Images[0].AppLayers[1];
        Assert.Equal(2, second.BlobsUploaded); // the app layer and the config
        Assert.Equal(appLayer.Size + v2.Images[0].ConfigBytes.Length, second.BlobBytesSent);
        var uploadedBytes = proxy.Requests.Where(request => request.IsBlobUpload).Sum(request => request.BodyLength);
        Assert.Equal(appLayer.Size + v2.Images[0].ConfigBytes.Length, uploadedBytes);
        Assert.Equal(proxy.Requests.Count, second.Requests);

        proxy.Reset();
        var repeat = await session.Pusher.PushAsync(v2, repository, ["v2"], CancellationToken.None);
        Assert.True(repeat.NoOp);
        Assert.Single(proxy.Requests); // one GET of the tag
        Assert.Equal(1, repeat.Requests);
    }

    [Fact]
    public async Task On_a_registry_without_ECR_s_API_each_tag_costs_one_GET_and_an_unchanged_image_gets_new_tags_without_a_blob_request()
    {
        await using var proxy = new RegistryProxy(TestEnvironment.Registry);
        using var session = new ImageEngineSession(proxy.Address);
        var repository = ImageEngineSession.NewRepository("tag-requests");
        var folder = Path.Combine(session.CacheDirectory, "apps");
        var v1 = await session.Builder.BuildAsync(ImageEngineSession.Options(SyntheticPublishFolder.Create(folder, 20_000, seed: 1), "scratch"), CancellationToken.None);
        var v2 = await session.Builder.BuildAsync(ImageEngineSession.Options(SyntheticPublishFolder.Create(folder, 20_000, seed: 2), "scratch"), CancellationToken.None);
        await session.Pusher.PushAsync(v1, repository, ["v1", "0123456", "latest"], CancellationToken.None);
        List<string> Requests() => [.. proxy.Requests.Select(request => $"{request.Method} {request.PathAndQuery[(request.PathAndQuery.LastIndexOf('/') + 1)..]}")];

        proxy.Reset();
        var same = await session.Pusher.PushAsync(v1, repository, ["v1", "0123456", "latest"], CancellationToken.None);

        Assert.True(same.NoOp);
        Assert.Equal(["GET v1", "GET 0123456", "GET latest"], Requests());

        // A tag already at the image proves every blob is there: only the new tag is PUT.
        proxy.Reset();
        var newTag = await session.Pusher.PushAsync(v1, repository, ["v1", "0123456", "latest", "build-2"], CancellationToken.None);

        Assert.Equal(["GET v1", "GET 0123456", "GET latest", "GET build-2", "PUT build-2"], Requests());
        Assert.Equal(["build-2"], newTag.TagsPushed);
        Assert.Equal((0, v1.Images[0].Blobs.Count), (newTag.BlobsUploaded, newTag.BlobsAlreadyPresent));

        // None of the tags exists: one HEAD of the manifest by digest finds the image.
        proxy.Reset();
        var onlyNew = await session.Pusher.PushAsync(v1, repository, ["release"], CancellationToken.None);

        Assert.Equal(["GET release", $"HEAD {v1.Digest}", "PUT release"], Requests());
        Assert.Equal(["release"], onlyNew.TagsPushed);

        // A changed image: the tag at another image tells which blobs are there; no HEAD of the new image's manifest.
        proxy.Reset();
        var moved = await session.Pusher.PushAsync(v2, repository, ["v2", "latest"], CancellationToken.None);

        Assert.Equal(["GET v2", "GET latest"], Requests().Take(2));
        Assert.DoesNotContain($"HEAD {v2.Digest}", Requests());
        Assert.Equal(["v2", "latest"], moved.TagsPushed);
        // Each new blob (under the part limit) is one POST and one PUT with its body: no PATCH.
        Assert.DoesNotContain(proxy.Requests, request => request.Method == "PATCH");
        Assert.Equal(moved.BlobsUploaded, proxy.Requests.Count(request => request.Method == "POST" && request.IsBlobUpload));
        Assert.Equal(moved.BlobsUploaded, proxy.Requests.Count(request => request.Method == "PUT" && request.IsBlobUpload && request.BodyLength > 0));
        Assert.Equal(v2.Digest, (await session.Client.GetManifestAsync(repository, "latest", forPush: false, CancellationToken.None))!.Digest);
        Assert.Equal(v1.Digest, (await session.Client.GetManifestAsync(repository, "v1", forPush: false, CancellationToken.None))!.Digest);
    }

    [Fact]
    public async Task Docker_archive_output_loads_into_docker_and_runs()
    {
        using var session = new ImageEngineSession();
        var image = await session.Builder.BuildAsync(ImageEngineSession.Options(apps.ConsoleOut, session.RuntimeBase), CancellationToken.None);
        var archive = Path.Combine(session.CacheDirectory, "image.tar");
        var tag = "ecrpub-archive-" + Guid.NewGuid().ToString("N")[..8] + ":v1";
        await new OciLayoutWriter(session.Cache, session.Pool).WriteArchiveAsync(image, archive, tag, CancellationToken.None);

        await DockerAsync("load", "-i", archive);
        var run = await DockerAsync("run", "--rm", "--network=host", tag);
        Assert.Equal("hello from console v1", run.StandardOutput.Trim());
        await ProcessRunner.RunAsync(TestEnvironment.Docker, ["-H", TestEnvironment.DockerHost, "rmi", tag]);

        var layout = Path.Combine(session.CacheDirectory, "layout");
        await new OciLayoutWriter(session.Cache, session.Pool).WriteDirectoryAsync(image, layout, "v1", CancellationToken.None);
        var inspect = (await ProcessRunner.RunAsync(TestEnvironment.Skopeo, ["inspect", $"oci:{layout}:v1"])).EnsureSuccess();
        Assert.Equal(image.Digest, JsonNode.Parse(inspect.StandardOutput)!["Digest"]!.GetValue<string>());
    }

    [Fact]
    public async Task Two_runtime_identifiers_give_an_index_with_both_platforms_and_only_the_index_is_tagged()
    {
        using var session = new ImageEngineSession();
        // A tiny arm64 base, synthesized and pushed first: the index resolves it from the registry like any base.
        var armBaseRepository = ImageEngineSession.NewRepository("arm64-base");
        var armBaseFolder = SyntheticPublishFolder.Create(session.CacheDirectory, 1_000, seed: 7);
        var armBase = await session.Builder.BuildAsync(
            ImageEngineSession.Options(armBaseFolder, "scratch") with { Platforms = [new PlatformPublish("linux-arm64", armBaseFolder)] },
            CancellationToken.None);
        await session.Pusher.PushAsync(armBase, armBaseRepository, ["1"], CancellationToken.None);

        var repository = ImageEngineSession.NewRepository("multi");
        var options = ImageEngineSession.Options(apps.ConsoleOut, session.RuntimeBase) with
        {
            Platforms = [new PlatformPublish("linux-x64", apps.ConsoleOut), new PlatformPublish("linux-arm64", apps.ConsoleOut)],
            BaseImageByRuntimeIdentifier = new Dictionary<string, string> { ["linux-arm64"] = $"{session.Registry}/{armBaseRepository}:1" },
        };
        var image = await session.Builder.BuildAsync(options, CancellationToken.None);
        var result = await session.Pusher.PushAsync(image, repository, ["multi"], CancellationToken.None);

        Assert.NotNull(image.Index);
        Assert.Equal(image.Digest, result.Digest);
        Assert.Equal(image.Images[0].AppLayers.Select(layer => layer.Digest), image.Images[1].AppLayers.Select(layer => layer.Digest));
        var raw = (await ProcessRunner.RunAsync(TestEnvironment.Skopeo, ["inspect", "--raw", "--tls-verify=false", $"docker://{session.Registry}/{repository}:multi"])).EnsureSuccess();
        var index = JsonNode.Parse(raw.StandardOutput)!;
        Assert.Equal(MediaTypes.OciIndex, index["mediaType"]!.GetValue<string>());
        var platforms = index["manifests"]!.AsArray().Select(child => child!["platform"]!["architecture"]!.GetValue<string>()).ToList();
        Assert.Equal(["amd64", "arm64"], platforms);

        using var http = new HttpClient();
        var tags = JsonNode.Parse(await http.GetStringAsync($"http://{session.Registry}/v2/{repository}/tags/list"))!["tags"]!.AsArray();
        Assert.Equal(["multi"], tags.Select(tag => tag!.GetValue<string>()));

        var reference = $"{session.Registry}/{repository}:multi";
        var run = await DockerAsync("run", "--rm", "--network=host", reference);
        Assert.Equal("hello from console v1", run.StandardOutput.Trim());
        await ProcessRunner.RunAsync(TestEnvironment.Docker, ["-H", TestEnvironment.DockerHost, "rmi", reference]);
    }

    [Fact]
    public async Task An_image_on_a_docker_v2_base_uses_docker_media_types_throughout_and_runs()
    {
        using var session = new ImageEngineSession();
        var dockerBase = $"{session.Registry}/{ImageEngineSession.NewRepository("docker-base")}:10.0";
        (await ProcessRunner.RunAsync(TestEnvironment.Skopeo, ["copy", "--format", "v2s2", "--src-tls-verify=false", "--dest-tls-verify=false",
            "docker://" + session.RuntimeBase, "docker://" + dockerBase], timeout: TimeSpan.FromMinutes(5))).EnsureSuccess();
        var repository = ImageEngineSession.NewRepository("on-docker-base");

        var image = await session.Builder.BuildAsync(ImageEngineSession.Options(apps.ConsoleOut, dockerBase), CancellationToken.None);
        await session.Pusher.PushAsync(image, repository, ["v1"], CancellationToken.None);

        var reference = $"{session.Registry}/{repository}:v1";
        var raw = JsonNode.Parse((await ProcessRunner.RunAsync(TestEnvironment.Skopeo, ["inspect", "--raw", "--tls-verify=false", "docker://" + reference])).EnsureSuccess().StandardOutput)!;
        Assert.Equal(MediaTypes.DockerManifest, raw["mediaType"]!.GetValue<string>());
        Assert.Equal(MediaTypes.DockerConfig, raw["config"]!["mediaType"]!.GetValue<string>());
        Assert.All(raw["layers"]!.AsArray(), layer => Assert.Equal(MediaTypes.DockerLayerGzip, layer!["mediaType"]!.GetValue<string>()));
        var run = await DockerAsync("run", "--rm", "--network=host", reference);
        Assert.Equal("hello from console v1", run.StandardOutput.Trim());
        await ProcessRunner.RunAsync(TestEnvironment.Docker, ["-H", TestEnvironment.DockerHost, "rmi", reference]);
    }

    internal static async Task<ProcessResult> DockerAsync(params string[] arguments) =>
        (await ProcessRunner.RunAsync(TestEnvironment.Docker, ["-H", TestEnvironment.DockerHost, .. arguments], timeout: TimeSpan.FromMinutes(5))).EnsureSuccess();
}
