using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace EcrPublish.LocalEcr.Tests.BadInput;

/// <summary>
/// The bad-input corpus for the registry API: every route with bad names, references, digests, query values, ranges
/// and manifests, against one LocalEcr. Each must be a 4xx with the registry's <c>errors</c> body (none for HEAD) and
/// leave the data directory byte for byte as it was.
/// </summary>
public sealed class RegistryBadInputTests(CorpusServer server, ITestOutputHelper output) : IClassFixture<CorpusServer>
{
    /// <summary>How many requests the corpus holds, so the count shows in the test's name.</summary>
    public static TheoryData<int> Size()
    {
        var digest = "sha256:" + new string('0', 64);
        var manifest = $$"""{"schemaVersion":2,"config":{"digest":"{{digest}}","size":1},"layers":[{"digest":"{{digest}}","size":1}]}""";
        return new(RegistryCorpus.For(digest, manifest, "/v2/x/blobs/uploads/u", 4 * 1024 * 1024).Count);
    }

    [Theory]
    [MemberData(nameof(Size))]
    public async Task Every_bad_request_is_a_4xx_in_the_registrys_shape_and_changes_nothing(int requests)
    {
        var registry = server.Registry;
        using var start = await registry.SendAsync(HttpMethod.Post, $"/v2/{CorpusServer.Repository}/blobs/uploads/");
        var upload = start.Headers.Location!.ToString();
        var corpus = RegistryCorpus.For(server.ImageDigest, server.Manifest, upload, server.Ecr.Server.Options.MaxManifestBytes);
        Assert.Equal(requests, corpus.Count);

        var failures = new List<string>();
        foreach (var request in corpus)
        {
            var before = server.Snapshot();
            using var response = await registry.SendAsync(request.Method, request.Path, request.Body, request.ContentType, request.ContentRange);
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            if (status is < 400 or > 499)
            {
                failures.Add($"{request.Description}: {status} {body}");
            }
            else if (request.Method != HttpMethod.Head && !HasErrors(body))
            {
                failures.Add($"{request.Description}: {status} without an errors body: {body}");
            }
            else if (!before.SequenceEqual(server.Snapshot()))
            {
                failures.Add($"{request.Description}: {status}, but the data directory changed");
            }
        }

        output.WriteLine($"{corpus.Count} bad registry requests, {corpus.Count - failures.Count} refused cleanly");
        Assert.True(failures.Count == 0, $"{failures.Count} of {corpus.Count} bad registry requests were not a clean 4xx:\n" + string.Join('\n', failures));
    }

    private static bool HasErrors(string body)
    {
        try
        {
            return JsonNode.Parse(body)?["errors"]?[0]?["code"]?.GetValue<string>() is { Length: > 0 };
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
