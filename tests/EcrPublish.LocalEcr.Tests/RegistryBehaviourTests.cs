using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Tests.Support;

namespace EcrPublish.LocalEcr.Tests;

/// <summary>The registry API's ECR behaviours, authentication and input validation, driven with raw HTTP.</summary>
public sealed class RegistryBehaviourTests : TeamAppRegistryTest
{
    [Fact]
    public async Task Without_credentials_the_registry_challenges_with_Basic()
    {
        using var anonymous = new RegistryTestClient(Ecr.Server.Endpoint, null);
        using var response = await anonymous.SendAsync(HttpMethod.Get, "/v2/");
        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal("Basic", response.Headers.WwwAuthenticate.Single().Scheme);
        using var authorized = await Registry.SendAsync(HttpMethod.Get, "/v2/");
        Assert.Equal(200, (int)authorized.StatusCode);
    }

    [Fact]
    public async Task A_forged_password_is_refused()
    {
        var genuine = await Ecr.PasswordAsync();
        var forged = genuine[..^2] + (genuine[^2] == 'A' ? "BB" : "AA");
        using var client = new RegistryTestClient(Ecr.Server.Endpoint, forged);
        using var response = await client.SendAsync(HttpMethod.Get, "/v2/team/app/tags/list");
        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal("Basic", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task A_password_older_than_twelve_hours_has_expired()
    {
        var password = await Ecr.PasswordAsync();
        using var client = new RegistryTestClient(Ecr.Server.Endpoint, password);
        using (var fresh = await client.SendAsync(HttpMethod.Get, "/v2/"))
        {
            Assert.Equal(200, (int)fresh.StatusCode);
        }

        Ecr.Clock.Offset = TimeSpan.FromHours(12) + TimeSpan.FromMinutes(1);
        using var expired = await client.SendAsync(HttpMethod.Get, "/v2/");
        Assert.Equal(401, (int)expired.StatusCode);
        Assert.Contains("expired", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_expires_twelve_hours_after_issue()
    {
        var data = (await Ecr.Ecr.CallAsync("GetAuthorizationToken", "{}")).Ok()["authorizationData"]![0]!;
        var expiresAt = DateTimeOffset.FromUnixTimeMilliseconds((long)(data["expiresAt"]!.GetValue<double>() * 1000));
        Assert.InRange(expiresAt - DateTimeOffset.UtcNow, TimeSpan.FromHours(11.9), TimeSpan.FromHours(12.1));
        Assert.Equal(Ecr.Server.Endpoint.GetLeftPart(UriPartial.Authority), data["proxyEndpoint"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_upload_into_a_missing_repository_has_its_connection_aborted()
    {
        await Assert.ThrowsAsync<HttpRequestException>(() => Registry.SendAsync(HttpMethod.Post, "/v2/team/missing/blobs/uploads/"));
        using var get = await Registry.SendAsync(HttpMethod.Get, "/v2/team/missing/manifests/latest");
        Assert.Equal(404, (int)get.StatusCode);
        Assert.Contains("NAME_UNKNOWN", await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chunk_answers_201_and_a_small_chunk_followed_by_another_is_rejected()
    {
        using var start = await Registry.SendAsync(HttpMethod.Post, "/v2/team/app/blobs/uploads/");
        var location = start.Headers.Location!.ToString();
        using var first = await Registry.SendAsync(HttpMethod.Patch, location, new byte[1000], contentRange: "0-999");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal("0-999", first.Headers.GetValues("Range").Single());

        using var second = await Registry.SendAsync(HttpMethod.Patch, location, new byte[1000], contentRange: "1000-1999");
        Assert.Equal(400, (int)second.StatusCode);
        Assert.Contains("at least 5MB", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chunks_of_five_MiB_then_a_small_last_part_make_one_blob()
    {
        var content = RandomNumberGenerator.GetBytes((5 * 1024 * 1024) + 10);
        var part = 5 * 1024 * 1024;
        using var start = await Registry.SendAsync(HttpMethod.Post, "/v2/team/app/blobs/uploads/");
        var location = start.Headers.Location!.ToString();
        using var first = await Registry.SendAsync(HttpMethod.Patch, location, content[..part], contentRange: $"0-{part - 1}");
        Assert.Equal(201, (int)first.StatusCode);
        using var replay = await Registry.SendAsync(HttpMethod.Patch, location, content[..part], contentRange: $"0-{part - 1}");
        Assert.Equal(416, (int)replay.StatusCode);
        Assert.Contains($"First byte of the layer part is 0 instead of {part}", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var digest = RegistryTestClient.Digest(content);
        using var last = await Registry.SendAsync(HttpMethod.Put, $"{location}?digest={digest}", content[part..], contentRange: $"{part}-{content.Length - 1}");
        Assert.Equal(201, (int)last.StatusCode);
        using var head = await Registry.SendAsync(HttpMethod.Head, $"/v2/team/app/blobs/{digest}");
        Assert.Equal(200, (int)head.StatusCode);
        Assert.Equal(content.Length, head.Content.Headers.ContentLength);
        using var get = await Registry.SendAsync(HttpMethod.Get, $"/v2/team/app/blobs/{digest}");
        Assert.Equal(content, await get.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_blob_whose_bytes_do_not_match_the_digest_is_not_stored()
    {
        var claimed = RegistryTestClient.Digest(Encoding.UTF8.GetBytes("what I said"));
        using var start = await Registry.SendAsync(HttpMethod.Post, "/v2/team/app/blobs/uploads/");
        using var put = await Registry.SendAsync(HttpMethod.Put, $"{start.Headers.Location}?digest={claimed}", Encoding.UTF8.GetBytes("what I sent"));
        Assert.Equal(400, (int)put.StatusCode);
        Assert.Contains("DIGEST_INVALID", await put.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(Ecr.DataFiles(), file => file.Contains(claimed["sha256:".Length..], StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_monolithic_post_stores_the_blob_in_one_request()
    {
        var content = RandomNumberGenerator.GetBytes(300);
        var digest = RegistryTestClient.Digest(content);
        using var post = await Registry.SendAsync(HttpMethod.Post, $"/v2/team/app/blobs/uploads/?digest={digest}", content);
        Assert.Equal(201, (int)post.StatusCode);
        Assert.Equal(digest, post.Headers.GetValues("Docker-Content-Digest").Single());
    }

    [Fact]
    public async Task Mounting_a_blob_an_image_references_makes_it_available_without_upload()
    {
        await Ecr.CreateRepositoryAsync("team/other");
        (await Ecr.Ecr.CallAsync("PutAccountSetting", """{"name":"BLOB_MOUNTING","value":"ENABLED"}""")).Ok();
        var (_, manifest) = await Registry.PushImageAsync("team/app", "mount-source", layers: 1);
        var digest = JsonNode.Parse(manifest)!["layers"]![0]!["digest"]!.GetValue<string>();
        using (var before = await Registry.SendAsync(HttpMethod.Head, $"/v2/team/other/blobs/{digest}"))
        {
            Assert.Equal(404, (int)before.StatusCode);
        }

        using var mount = await Registry.SendAsync(HttpMethod.Post, $"/v2/team/other/blobs/uploads/?mount={digest}&from=team/app");
        Assert.Equal(201, (int)mount.StatusCode);
        Assert.Equal(digest, mount.Headers.GetValues("Docker-Content-Digest").Single());
        using var after = await Registry.SendAsync(HttpMethod.Head, $"/v2/team/other/blobs/{digest}");
        Assert.Equal(200, (int)after.StatusCode);
    }

    [Fact]
    public async Task A_blob_no_image_references_is_not_mounted_and_a_new_session_starts_instead()
    {
        await Ecr.CreateRepositoryAsync("team/third");
        (await Ecr.Ecr.CallAsync("PutAccountSetting", """{"name":"BLOB_MOUNTING","value":"ENABLED"}""")).Ok();
        var loose = await Registry.PushBlobAsync("team/app", RandomNumberGenerator.GetBytes(500));
        using var attempt = await Registry.SendAsync(HttpMethod.Post, $"/v2/team/third/blobs/uploads/?mount={loose}&from=team/app");
        Assert.Equal(202, (int)attempt.StatusCode);
        Assert.NotNull(attempt.Headers.Location);
        using var head = await Registry.SendAsync(HttpMethod.Head, $"/v2/team/third/blobs/{loose}");
        Assert.Equal(404, (int)head.StatusCode);
    }

    [Fact]
    public async Task An_immutable_tag_cannot_be_pushed_again_even_with_the_same_manifest()
    {
        await Ecr.CreateRepositoryAsync("team/frozen", "IMMUTABLE");
        var (_, manifest) = await Registry.PushImageAsync("team/frozen", "v1");
        using var again = await Registry.SendAsync(HttpMethod.Put, "/v2/team/frozen/manifests/v1", manifest, RegistryTestClient.OciManifest);
        Assert.Equal(400, (int)again.StatusCode);
        var body = await again.Content.ReadAsStringAsync();
        Assert.Contains("TAG_INVALID", body, StringComparison.Ordinal);
        Assert.Contains("The image tag 'v1' already exists in the 'team/frozen' repository and cannot be overwritten because the tag is immutable.", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mutable_tag_moves_and_the_old_image_stays_untagged()
    {
        var (first, _) = await Registry.PushImageAsync("team/app", "moving");
        var (second, _) = await Registry.PushImageAsync("team/app", "moving");
        var untagged = (await Ecr.Ecr.CallAsync("ListImages", """{"repositoryName":"team/app","filter":{"tagStatus":"UNTAGGED"}}""")).Ok();
        Assert.Contains(untagged["imageIds"]!.AsArray(), id => id!["imageDigest"]!.GetValue<string>() == first);
        using var head = await Registry.SendAsync(HttpMethod.Head, "/v2/team/app/manifests/moving");
        Assert.Equal(second, head.Headers.GetValues("Docker-Content-Digest").Single());
    }

    [Fact]
    public async Task A_manifest_without_mediaType_or_with_missing_layers_is_refused()
    {
        var noMediaType = """{"schemaVersion":2,"config":{"digest":"sha256:0000000000000000000000000000000000000000000000000000000000000000","size":1},"layers":[]}""";
        using var bare = await Registry.SendAsync(HttpMethod.Put, "/v2/team/app/manifests/bare", Encoding.UTF8.GetBytes(noMediaType), RegistryTestClient.OciManifest);
        Assert.Equal(400, (int)bare.StatusCode);
        Assert.Contains("MANIFEST_INVALID", await bare.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var dangling = """{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:0000000000000000000000000000000000000000000000000000000000000000","size":1},"layers":[]}""";
        using var missing = await Registry.SendAsync(HttpMethod.Put, "/v2/team/app/manifests/dangling", Encoding.UTF8.GetBytes(dangling), RegistryTestClient.OciManifest);
        Assert.Equal(400, (int)missing.StatusCode);
        Assert.Contains("MANIFEST_BLOB_UNKNOWN", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registry_push_shows_up_in_DescribeImages_with_its_facts()
    {
        var (digest, manifest) = await Registry.PushImageAsync("team/app", "described");
        using (var pull = await Registry.SendAsync(HttpMethod.Get, "/v2/team/app/manifests/described"))
        {
            Assert.Equal(manifest, await pull.Content.ReadAsByteArrayAsync());
            Assert.Equal(RegistryTestClient.OciManifest, pull.Content.Headers.ContentType!.MediaType);
        }

        var detail = (await Ecr.Ecr.CallAsync("DescribeImages", """{"repositoryName":"team/app","imageIds":[{"imageTag":"described"}]}""")).Ok()["imageDetails"]![0]!;
        Assert.Equal(digest, detail["imageDigest"]!.GetValue<string>());
        Assert.Equal(RegistryTestClient.Digest(manifest), digest);
        Assert.Equal(RegistryTestClient.OciManifest, detail["imageManifestMediaType"]!.GetValue<string>());
        Assert.True(detail["imageSizeInBytes"]!.GetValue<long>() > 2048);
        Assert.Equal(System.Text.Json.JsonValueKind.Number, detail["imagePushedAt"]!.GetValueKind());
        Assert.Equal(System.Text.Json.JsonValueKind.Number, detail["lastRecordedPullTime"]!.GetValueKind());
    }

    [Fact]
    public async Task A_PutImage_manifest_can_be_pulled_from_the_registry()
    {
        var manifest = await Registry.UploadImageContentAsync("team/app");
        var text = Encoding.UTF8.GetString(manifest);
        var put = (await Ecr.Ecr.CallAsync("PutImage", new JsonObject { ["repositoryName"] = "team/app", ["imageManifest"] = text, ["imageTag"] = "via-api" })).Ok();
        Assert.Equal(RegistryTestClient.Digest(manifest), put["image"]!["imageId"]!["imageDigest"]!.GetValue<string>());
        using var pull = await Registry.SendAsync(HttpMethod.Get, "/v2/team/app/manifests/via-api");
        Assert.Equal(200, (int)pull.StatusCode);
        Assert.Equal(manifest, await pull.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Tags_list_pages_with_n_and_last()
    {
        await Ecr.CreateRepositoryAsync("team/tags");
        var manifest = await Registry.UploadImageContentAsync("team/tags", layers: 1);
        foreach (var tag in new[] { "a", "b", "c" })
        {
            using var put = await Registry.SendAsync(HttpMethod.Put, $"/v2/team/tags/manifests/{tag}", manifest, RegistryTestClient.OciManifest);
            Assert.Equal(201, (int)put.StatusCode);
        }

        using var page = await Registry.SendAsync(HttpMethod.Get, "/v2/team/tags/tags/list?n=2");
        Assert.Equal("""{"name":"team/tags","tags":["a","b"]}""", await page.Content.ReadAsStringAsync());
        Assert.Contains("last=b", page.Headers.GetValues("Link").Single(), StringComparison.Ordinal);
        using var rest = await Registry.SendAsync(HttpMethod.Get, "/v2/team/tags/tags/list?n=2&last=b");
        Assert.Equal("""{"name":"team/tags","tags":["c"]}""", await rest.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Referrers_lists_manifests_whose_subject_is_the_image()
    {
        var (subjectDigest, subjectManifest) = await Registry.PushImageAsync("team/app", "signed");
        var subject = new JsonObject { ["mediaType"] = RegistryTestClient.OciManifest, ["digest"] = subjectDigest, ["size"] = subjectManifest.Length };
        var manifest = await Registry.UploadImageContentAsync("team/app", layers: 1, subject, "application/vnd.example.sbom");
        var digest = RegistryTestClient.Digest(manifest);
        using (var put = await Registry.SendAsync(HttpMethod.Put, $"/v2/team/app/manifests/{digest}", manifest, RegistryTestClient.OciManifest))
        {
            Assert.Equal(201, (int)put.StatusCode);
            Assert.Equal(subjectDigest, put.Headers.GetValues("OCI-Subject").Single());
        }

        using var referrers = await Registry.SendAsync(HttpMethod.Get, $"/v2/team/app/referrers/{subjectDigest}?artifactType=application/vnd.example.sbom");
        var index = JsonNode.Parse(await referrers.Content.ReadAsStringAsync())!;
        Assert.Equal(RegistryTestClient.OciIndex, index["mediaType"]!.GetValue<string>());
        Assert.Equal(digest, index["manifests"]![0]!["digest"]!.GetValue<string>());
        Assert.Equal("application/vnd.example.sbom", index["manifests"]![0]!["artifactType"]!.GetValue<string>());
        Assert.Equal("artifactType", referrers.Headers.GetValues("OCI-Filters-Applied").Single());
    }

    [Theory]
    [InlineData("/v2/..%2F..%2Fetc/blobs/uploads/")]
    [InlineData("/v2/team/app/blobs/sha256:..%2F..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/v2/team/app/blobs/uploads/..%2F..%2Frepositories%2Fx")]
    [InlineData("/v2/team/app/manifests/sha256:..%2Fx")]
    [InlineData("/v2/team/app/blobs/md5:abc")]
    [InlineData("/v2/TEAM/app/tags/list")]
    public async Task Path_traversal_and_bad_digests_are_rejected_and_write_nothing(string path)
    {
        var before = Ecr.DataFiles();
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Put, HttpMethod.Post, HttpMethod.Patch })
        {
            using var response = await Registry.SendAsync(method, path, [1, 2, 3]);
            Assert.InRange((int)response.StatusCode, 400, 499);
        }

        Assert.Equal(before, Ecr.DataFiles());
    }

    [Fact]
    public async Task A_manifest_over_four_MiB_is_refused_with_413()
    {
        var before = Ecr.DataFiles();
        using var response = await Registry.SendAsync(HttpMethod.Put, "/v2/team/app/manifests/huge", new byte[(4 * 1024 * 1024) + 1], RegistryTestClient.OciManifest);
        Assert.Equal(413, (int)response.StatusCode);
        Assert.Equal(before, Ecr.DataFiles());
    }

    [Fact]
    public async Task A_repository_name_of_the_maximum_length_is_stored()
    {
        var name = string.Join('/', Enumerable.Repeat(new string('n', 84), 3)) + "/a";
        Assert.Equal(256, name.Length);
        await Ecr.CreateRepositoryAsync(name);
        var (digest, _) = await Registry.PushImageAsync(name, "long");
        using var head = await Registry.SendAsync(HttpMethod.Head, $"/v2/{name}/manifests/long");
        Assert.Equal(digest, head.Headers.GetValues("Docker-Content-Digest").Single());
    }

    [Fact]
    public async Task A_digest_in_the_upload_PUT_cannot_point_outside_the_store()
    {
        using var start = await Registry.SendAsync(HttpMethod.Post, "/v2/team/app/blobs/uploads/");
        var before = Ecr.DataFiles();
        using var put = await Registry.SendAsync(HttpMethod.Put, $"{start.Headers.Location}?digest=sha256:../../../../tmp/evil", [1]);
        Assert.Equal(400, (int)put.StatusCode);
        Assert.Equal(before, Ecr.DataFiles());
    }
}
