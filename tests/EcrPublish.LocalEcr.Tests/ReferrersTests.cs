using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Tests.Support;

namespace EcrPublish.LocalEcr.Tests;

/// <summary>
/// The referrers API against the OCI distribution spec 1.1 (Listing Referrers), ListImageReferrers in the JSON API,
/// and referrers deleted with their subject.
/// </summary>
public sealed class ReferrersTests : TeamAppRegistryTest
{
    private const string Sbom = "application/spdx+json";

    [Fact]
    public async Task The_referrers_API_answers_as_the_spec_says()
    {
        var (subject, _) = await PushSubjectAsync("v1");
        var sbom = await PushReferrerAsync(subject, Sbom);
        var plain = await PushReferrerAsync(subject, artifactType: null);

        var (all, allResponse) = await ReferrersAsync($"/v2/team/app/referrers/{subject}");
        var (filtered, filteredResponse) = await ReferrersAsync($"/v2/team/app/referrers/{subject}?artifactType={Uri.EscapeDataString(Sbom)}");
        var (none, _) = await ReferrersAsync($"/v2/team/app/referrers/sha256:{new string('0', 64)}");

        Assert.Equal(RegistryTestClient.OciIndex, allResponse.Content.Headers.ContentType!.MediaType);
        Assert.Equal(RegistryTestClient.OciIndex, all["mediaType"]!.GetValue<string>());
        Assert.Equal(2, all["schemaVersion"]!.GetValue<int>());
        Assert.Equal([sbom, plain], Digests(all)); // push order
        // Without artifactType in the manifest, the config media type stands in for it.
        Assert.Equal([Sbom, "application/vnd.oci.image.config.v1+json"], all["manifests"]!.AsArray().Select(entry => entry!["artifactType"]!.GetValue<string>()));
        Assert.False(allResponse.Headers.Contains("OCI-Filters-Applied"));
        Assert.Equal([sbom], Digests(filtered));
        Assert.Equal("artifactType", filteredResponse.Headers.GetValues("OCI-Filters-Applied").Single());
        Assert.Empty(none["manifests"]!.AsArray());
        allResponse.Dispose();
        filteredResponse.Dispose();
    }

    [Theory]
    [InlineData("/v2/team/app/referrers/sha256:abc", 400, "DIGEST_INVALID")]
    [InlineData("/v2/team/absent/referrers/sha256:0000000000000000000000000000000000000000000000000000000000000000", 404, "NAME_UNKNOWN")]
    public async Task Only_a_bad_digest_or_an_unknown_repository_is_an_error(string path, int status, string code)
    {
        using var response = await Registry.SendAsync(HttpMethod.Get, path);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(code, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListImageReferrers_pages_filters_and_reports_every_referrer_active()
    {
        var (subject, _) = await PushSubjectAsync("v1");
        var sbom = await PushReferrerAsync(subject, Sbom);
        var other = await PushReferrerAsync(subject, "application/vnd.in-toto+json");

        var first = (await ListAsync(subject, new JsonObject { ["maxResults"] = 1 })).Ok();
        var second = (await ListAsync(subject, new JsonObject { ["maxResults"] = 1, ["nextToken"] = first["nextToken"]!.GetValue<string>() })).Ok();
        var sboms = (await ListAsync(subject, new JsonObject { ["filter"] = new JsonObject { ["artifactTypes"] = new JsonArray(Sbom) } })).Ok();
        var archived = (await ListAsync(subject, new JsonObject { ["filter"] = new JsonObject { ["artifactStatus"] = "ARCHIVED" } })).Ok();
        var absent = await Ecr.Ecr.CallAsync("ListImageReferrers", new JsonObject { ["repositoryName"] = "team/absent", ["subjectId"] = new JsonObject { ["imageDigest"] = subject } });

        var referrer = Assert.Single(first["referrers"]!.AsArray())!;
        Assert.Equal(sbom, referrer["digest"]!.GetValue<string>());
        Assert.Equal(RegistryTestClient.OciManifest, referrer["mediaType"]!.GetValue<string>());
        Assert.Equal(Sbom, referrer["artifactType"]!.GetValue<string>());
        Assert.Equal("ACTIVE", referrer["artifactStatus"]!.GetValue<string>());
        Assert.True(referrer["size"]!.GetValue<long>() > 0);
        Assert.Equal(other, Assert.Single(second["referrers"]!.AsArray())!["digest"]!.GetValue<string>());
        Assert.Null(second["nextToken"]);
        Assert.Equal(sbom, Assert.Single(sboms["referrers"]!.AsArray())!["digest"]!.GetValue<string>());
        Assert.Empty(archived["referrers"]!.AsArray());
        Assert.Equal("RepositoryNotFoundException", absent.ErrorType);
    }

    [Fact]
    public async Task Deleting_the_subject_deletes_its_referrers_and_theirs_at_once()
    {
        var (subject, _) = await PushSubjectAsync("v1");
        var (kept, _) = await PushSubjectAsync("v2");
        var sbom = await PushReferrerAsync(subject, Sbom);
        var signatureOfSbom = await PushReferrerAsync(sbom, "application/vnd.cncf.notary.signature");
        var keptReferrer = await PushReferrerAsync(kept, Sbom);

        using (var delete = await Registry.SendAsync(HttpMethod.Delete, $"/v2/team/app/manifests/{subject}"))
        {
            Assert.Equal(202, (int)delete.StatusCode);
        }

        foreach (var gone in new[] { sbom, signatureOfSbom })
        {
            using var head = await Registry.SendAsync(HttpMethod.Head, $"/v2/team/app/manifests/{gone}");
            Assert.Equal(404, (int)head.StatusCode);
        }

        using var keptHead = await Registry.SendAsync(HttpMethod.Head, $"/v2/team/app/manifests/{keptReferrer}");
        Assert.Equal(200, (int)keptHead.StatusCode);

        // BatchDeleteImage of the last tag deletes the image, and its referrers with it.
        (await Ecr.Ecr.CallAsync("BatchDeleteImage", new JsonObject { ["repositoryName"] = "team/app", ["imageIds"] = new JsonArray(new JsonObject { ["imageTag"] = "v2" }) })).Ok();
        var left = (await Ecr.Ecr.CallAsync("ListImages", new JsonObject { ["repositoryName"] = "team/app" })).Ok();
        Assert.Empty(left["imageIds"]!.AsArray());
    }

    private async Task<(string Digest, byte[] Manifest)> PushSubjectAsync(string tag) => await Registry.PushImageAsync("team/app", tag, layers: 1);

    private async Task<string> PushReferrerAsync(string subjectDigest, string? artifactType)
    {
        using var subject = await Registry.SendAsync(HttpMethod.Head, $"/v2/team/app/manifests/{subjectDigest}");
        var descriptor = new JsonObject { ["mediaType"] = RegistryTestClient.OciManifest, ["digest"] = subjectDigest, ["size"] = subject.Content.Headers.ContentLength };
        var manifest = await Registry.UploadImageContentAsync("team/app", layers: 1, descriptor, artifactType);
        var digest = RegistryTestClient.Digest(manifest);
        using var put = await Registry.SendAsync(HttpMethod.Put, $"/v2/team/app/manifests/{digest}", manifest, RegistryTestClient.OciManifest);
        Assert.Equal(subjectDigest, put.Headers.GetValues("OCI-Subject").Single());
        return digest;
    }

    private async Task<(JsonNode Index, HttpResponseMessage Response)> ReferrersAsync(string path)
    {
        var response = await Registry.SendAsync(HttpMethod.Get, path);
        Assert.Equal(200, (int)response.StatusCode);
        return (JsonNode.Parse(await response.Content.ReadAsStringAsync())!, response);
    }

    private Task<EcrResponse> ListAsync(string subjectDigest, JsonObject extra)
    {
        extra["repositoryName"] = "team/app";
        extra["subjectId"] = new JsonObject { ["imageDigest"] = subjectDigest };
        return Ecr.Ecr.CallAsync("ListImageReferrers", extra);
    }

    private static List<string> Digests(JsonNode index) => [.. index["manifests"]!.AsArray().Select(entry => entry!["digest"]!.GetValue<string>())];
}
