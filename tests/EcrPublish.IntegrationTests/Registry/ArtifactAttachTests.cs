using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcrPublish.Aws;
using EcrPublish.Aws.Model;
using EcrPublish.Images;
using EcrPublish.IntegrationTests.Images;
using EcrPublish.LocalEcr;
using EcrPublish.Registry;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Registry;

/// <summary>
/// OCI 1.1 referrers attached to a pushed image: on Debian's docker-registry 2.8 (no referrers API: the referrers tag
/// schema) and on LocalEcr (referrers API), counted through the proxy and checked with skopeo.
/// </summary>
public sealed class ArtifactAttachTests : IDisposable
{
    private const string SbomType = "application/spdx+json";
    private const string ProvenanceType = "application/vnd.in-toto+json";
    private static readonly ReferrerArtifact Sbom = new(SbomType, SbomType, Encoding.UTF8.GetBytes("{\"spdxVersion\":\"SPDX-2.3\",\"name\":\"app\"}"))
    {
        Annotations = new Dictionary<string, string> { ["org.opencontainers.image.created"] = "2023-11-14T22:13:20Z" },
    };

    private static readonly ReferrerArtifact Provenance = new(ProvenanceType, ProvenanceType, Encoding.UTF8.GetBytes("{\"_type\":\"https://in-toto.io/Statement/v1\"}"));

    private readonly string _work = Path.Combine(TestEnvironment.WorkDirectory, "referrers-" + Guid.NewGuid().ToString("N")[..8]);

    public ArtifactAttachTests() => Directory.CreateDirectory(_work);

    [Fact]
    public async Task On_a_registry_without_the_referrers_API_the_referrers_tag_lists_both_artifacts_and_a_republish_sends_nothing()
    {
        await using var proxy = new RegistryProxy(TestEnvironment.Registry);
        var (session, repository, subject) = await PushThroughAsync(proxy, "referrers");
        using var owned = session;
        var attacher = Attacher(session);

        // Two calls: the second keeps the entry the first wrote (read-modify-write of the referrers tag).
        var sbom = await attacher.AttachAsync(repository, subject, Sbom, CancellationToken.None);
        var first = await attacher.AttachAsync(repository, subject, [Sbom, Provenance], CancellationToken.None);

        Assert.False(first.ReferrersApi);
        Assert.True(first.ReferrersTagUpdated);
        Assert.Equal(1, first.ManifestsPushed);
        Assert.Equal(sbom, first.Referrers[0]);
        var listing = await new ReferrersReader(session.Client).ListAsync(repository, subject.Digest, null, CancellationToken.None);
        Assert.False(listing.FromReferrersApi);
        Assert.Equal(first.Referrers.Select(Identity), listing.Referrers.Select(Identity));
        await AssertFilteredAsync(session.Client, repository, subject);

        proxy.Reset();
        var again = await attacher.AttachAsync(repository, subject, [Sbom, Provenance], CancellationToken.None);

        Assert.Equal(0, again.ManifestsPushed);
        Assert.False(again.ReferrersTagUpdated);
        Assert.Equal(first.Referrers, again.Referrers);
        // The referrers tag only: the registry answered 404 to the referrers API earlier in this session.
        Assert.Equal(["GET"], proxy.Requests.Select(request => request.Method));
        await AssertSkopeoSeesAsync(TestEnvironment.Registry, repository, subject, first.Referrers, credentials: null);

        // A later publish (new clients, the same layer cache) reads the record the first left there: one GET again.
        using var pool = new RegistryClientPool(null);
        proxy.Reset();
        var later = await new ArtifactAttacher(pool.Get(proxy.Address), pool, session.Cache).AttachAsync(repository, subject, [Sbom, Provenance], CancellationToken.None);

        Assert.Equal(0, later.ManifestsPushed);
        Assert.Equal([$"GET /v2/{repository}/manifests/{ReferrersTag.For(subject.Digest)}"], proxy.Requests.Select(request => $"{request.Method} {request.PathAndQuery}"));
    }

    [Fact]
    public async Task A_record_that_wrongly_says_LocalEcr_has_no_referrers_API_costs_a_push_once_and_is_corrected()
    {
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions());
        var password = await CreateRepositoryAsync(localEcr, "app/record", "MUTABLE");
        await using var proxy = new RegistryProxy(localEcr.RegistryHost);
        using var session = new ImageEngineSession(proxy.Address, new StaticCredentialProvider(proxy.Address, new RegistryCredential("AWS", password)));
        var subject = await PushImageAsync(session, "app/record");
        await Attacher(session).AttachAsync("app/record", subject, [Sbom, Provenance], CancellationToken.None);
        var record = ReferrersApiRecord.In(session.Cache);
        record.Remember(proxy.Address, hasApi: false);

        AttachResult Attach(out List<string> requests)
        {
            using var pool = new RegistryClientPool(new StaticCredentialProvider(proxy.Address, new RegistryCredential("AWS", password)));
            proxy.Reset();
            var result = new ArtifactAttacher(pool.Get(proxy.Address), pool, session.Cache).AttachAsync("app/record", subject, [Sbom, Provenance], CancellationToken.None).GetAwaiter().GetResult();
            requests = [.. proxy.Requests.Select(request => $"{request.Method} {request.PathAndQuery}")];
            return result;
        }

        var misled = Attach(out _);

        Assert.True(misled.ReferrersApi);
        Assert.False(misled.ReferrersTagUpdated);
        Assert.False(record.KnownAbsent(proxy.Address));
        Assert.DoesNotContain(proxy.Requests, request => request.IsManifestPut && request.PathAndQuery.Contains("/manifests/sha256-", StringComparison.Ordinal));
        var listing = await new ReferrersReader(session.Client).ListAsync("app/record", subject.Digest, null, CancellationToken.None);
        Assert.Equal(2, listing.Referrers.Count);

        var corrected = Attach(out var requests);

        Assert.Equal(0, corrected.ManifestsPushed);
        // The referrers API again, as before the record (the new client's first GET collects the 401 challenge).
        Assert.Equal([$"GET /v2/app/record/referrers/{subject.Digest}", $"GET /v2/app/record/referrers/{subject.Digest}"], requests);
    }

    [Fact]
    public async Task A_referrers_tag_that_holds_no_index_is_left_alone_with_ECR8050()
    {
        await using var proxy = new RegistryProxy(TestEnvironment.Registry);
        var (session, repository, subject) = await PushThroughAsync(proxy, "referrers-taken");
        using var owned = session;
        var image = (await session.Client.GetManifestAsync(repository, subject.Digest, forPush: true, CancellationToken.None))!;
        await session.Client.PutManifestAsync(repository, ReferrersTag.For(subject.Digest), image.MediaType, image.Content, CancellationToken.None);
        proxy.Reset();

        var exception = await Assert.ThrowsAsync<RegistryException>(() => Attacher(session).AttachAsync(repository, subject, Sbom, CancellationToken.None));

        Assert.Equal(ReferrerErrorCodes.ReferrersTagNotAnIndex, exception.Code);
        Assert.DoesNotContain(proxy.Requests, request => request.Method is "PUT" or "POST" or "PATCH");
    }

    [Fact]
    public async Task A_referrers_tag_the_registry_will_not_update_is_ECR8053()
    {
        await using var proxy = new RegistryProxy(TestEnvironment.Registry);
        proxy.Decide = request => request.IsManifestPut && request.PathAndQuery.Contains("/manifests/sha256-", StringComparison.Ordinal)
            ? ProxyAction.Error(System.Net.HttpStatusCode.BadRequest, "TAG_INVALID", "The image tag already exists and cannot be overwritten because the tag is immutable.")
            : ProxyAction.Forward;
        var (session, repository, subject) = await PushThroughAsync(proxy, "referrers-immutable");
        using var owned = session;

        var exception = await Assert.ThrowsAsync<RegistryException>(() => Attacher(session).AttachAsync(repository, subject, Sbom, CancellationToken.None));

        Assert.Equal(ReferrerErrorCodes.ReferrersTagRefused, exception.Code);
        Assert.Contains(ReferrersTag.For(subject.Digest), exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_referrers_index_whose_content_is_not_what_the_registry_says_it_stored_is_refused_with_ECR3112()
    {
        await using var proxy = new RegistryProxy(TestEnvironment.Registry);
        var (session, repository, subject) = await PushThroughAsync(proxy, "referrers-tampered");
        using var owned = session;
        var index = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[]}";
        proxy.Decide = request => request.Method == "GET" && request.PathAndQuery.Contains("/manifests/sha256-", StringComparison.Ordinal)
            ? ProxyAction.Respond(System.Net.HttpStatusCode.OK, index, new Dictionary<string, string>
            {
                ["Content-Type"] = MediaTypes.OciIndex,
                ["Docker-Content-Digest"] = ContentDigest.Of(Encoding.UTF8.GetBytes(index.Replace("[]", "[ ]", StringComparison.Ordinal))),
            })
            : ProxyAction.Forward;

        var exception = await Assert.ThrowsAsync<RegistryException>(() => new ReferrersReader(session.Client).ListAsync(repository, subject.Digest, null, CancellationToken.None));

        Assert.Equal(RegistryErrorCodes.ContentNotAsAddressed, exception.Code);
    }

    [Theory]
    [InlineData("MUTABLE")]
    [InlineData("IMMUTABLE")]
    [InlineData("IMMUTABLE_WITH_EXCLUSION")]
    public async Task LocalEcr_keeps_the_referrers_itself_in_any_tag_mutability_and_a_republish_asks_once(string mutability)
    {
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions());
        var password = await CreateRepositoryAsync(localEcr, "app/referrers", mutability);
        await using var proxy = new RegistryProxy(localEcr.RegistryHost);
        using var session = new ImageEngineSession(proxy.Address, new StaticCredentialProvider(proxy.Address, new RegistryCredential("AWS", password)));
        var subject = await PushImageAsync(session, "app/referrers");
        var attacher = Attacher(session);

        var first = await attacher.AttachAsync("app/referrers", subject, [Sbom, Provenance], CancellationToken.None);

        Assert.True(first.ReferrersApi);
        Assert.False(first.ReferrersTagUpdated);
        Assert.Equal(2, first.ManifestsPushed);
        Assert.DoesNotContain(proxy.Requests, request => request.PathAndQuery.Contains("/manifests/sha256-", StringComparison.Ordinal));
        var listing = await new ReferrersReader(session.Client).ListAsync("app/referrers", subject.Digest, null, CancellationToken.None);
        Assert.True(listing.FromReferrersApi);
        Assert.Equal(first.Referrers.Select(Identity), listing.Referrers.Select(Identity));
        await AssertFilteredAsync(session.Client, "app/referrers", subject);

        proxy.Reset();
        var again = await attacher.AttachAsync("app/referrers", subject, [Sbom, Provenance], CancellationToken.None);

        Assert.Equal(0, again.ManifestsPushed);
        Assert.Equal("GET", Assert.Single(proxy.Requests).Method);
        Assert.Equal(1, again.Requests);
        await AssertSkopeoSeesAsync(localEcr.RegistryHost, "app/referrers", subject, first.Referrers, "AWS:" + password);
    }

    [Fact]
    public async Task LocalEcr_lists_the_referrers_through_ListImageReferrers_and_deletes_them_with_their_subject()
    {
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions());
        var password = await CreateRepositoryAsync(localEcr, "app/json", "MUTABLE");
        using var session = new ImageEngineSession(localEcr.RegistryHost, new StaticCredentialProvider(localEcr.RegistryHost, new RegistryCredential("AWS", password)));
        var subject = await PushImageAsync(session, "app/json");
        var attached = await Attacher(session).AttachAsync("app/json", subject, [Sbom, Provenance], CancellationToken.None);
        using var ecr = EcrClient(localEcr);

        var all = await ListImageReferrersAsync(ecr, "app/json", subject.Digest, null);
        var sboms = await ListImageReferrersAsync(ecr, "app/json", subject.Digest, SbomType);

        Assert.Equal(attached.Referrers.Select(referrer => referrer.Digest), all.Select(referrer => referrer!["digest"]!.GetValue<string>()));
        Assert.All(all, referrer => Assert.Equal("ACTIVE", referrer!["artifactStatus"]!.GetValue<string>()));
        var sbom = Assert.Single(sboms)!;
        Assert.Equal(SbomType, sbom["artifactType"]!.GetValue<string>());
        Assert.Equal("2023-11-14T22:13:20Z", sbom["annotations"]!["org.opencontainers.image.created"]!.GetValue<string>());

        await ecr.BatchDeleteImageAsync(new BatchDeleteImageRequest { RepositoryName = "app/json", ImageIds = [new ImageIdentifier { ImageDigest = subject.Digest }] });

        Assert.Empty(await ListImageReferrersAsync(ecr, "app/json", subject.Digest, null));
        var left = await ecr.ListImagesAsync(new ListImagesRequest { RepositoryName = "app/json" });
        Assert.Empty(left.ImageIds!);
    }

    // AWS CLI v1 only: Debian's v2 (2.9) predates ListImageReferrers.
    [Fact]
    public async Task Dotnet_ecr_list_image_referrers_prints_what_the_aws_cli_prints_on_LocalEcr()
    {
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions { AccessKeyId = "testing", SecretAccessKey = "testing" });
        var run = new Cli.CliParityRunner("referrers", localEcr.Endpoint.GetLeftPart(UriPartial.Authority), Cli.AwsCliVersion.V1);
        string? subject = null;
        foreach (var repository in new[] { run.AwsName, run.NetName })
        {
            var password = await CreateRepositoryAsync(localEcr, repository, "IMMUTABLE");
            using var session = new ImageEngineSession(localEcr.RegistryHost, new StaticCredentialProvider(localEcr.RegistryHost, new RegistryCredential("AWS", password)));
            var pushed = await PushImageAsync(session, repository);
            await Attacher(session).AttachAsync(repository, pushed, [Sbom, Provenance], CancellationToken.None);
            subject = pushed.Digest;
        }

        var listed = await run.AssertSameAsync("list-image-referrers", "--repository-name", "REPO", "--subject-id", $"imageDigest={subject}");
        Assert.Equal(2, JsonNode.Parse(listed.StandardOutput)!["referrers"]!.AsArray().Count);
        await run.AssertSameAsync("list-image-referrers", "--repository-name", "REPO", "--subject-id", $"imageDigest={subject}",
            "--filter", $"artifactTypes={SbomType}", "--query", "referrers[].[artifactType,artifactStatus]", "--output", "text");
        await run.AssertSameAsync("list-image-referrers", "--repository-name", "REPO", "--subject-id", $"imageDigest={subject}", "--max-results", "1");
        await run.AssertSameAsync("list-image-referrers", "--repository-name", "REPO-absent", "--subject-id", $"imageDigest={subject}");
    }

    private static (string MediaType, string Digest, long Size, string? ArtifactType) Identity(Descriptor referrer) =>
        (referrer.MediaType, referrer.Digest, referrer.Size, referrer.ArtifactType);

    private static async Task AssertFilteredAsync(RegistryClient client, string repository, Descriptor subject)
    {
        var sboms = await new ReferrersReader(client).ListAsync(repository, subject.Digest, SbomType, CancellationToken.None);

        var sbom = Assert.Single(sboms.Referrers);
        Assert.Equal(SbomType, sbom.ArtifactType);
        Assert.Equal("2023-11-14T22:13:20Z", sbom.Annotations!["org.opencontainers.image.created"]);
    }

    /// <summary>skopeo (not ours) reads the artifact manifests by digest, and on a registry without the API the referrers tag.</summary>
    private static async Task AssertSkopeoSeesAsync(string registry, string repository, Descriptor subject, IReadOnlyList<Descriptor> referrers, string? credentials)
    {
        foreach (var referrer in referrers)
        {
            var raw = await SkopeoRawAsync(registry, $"{repository}@{referrer.Digest}", credentials);
            Assert.Equal(referrer.Digest, ContentDigest.Of(Encoding.UTF8.GetBytes(raw)));
            var manifest = JsonNode.Parse(raw)!;
            Assert.Equal(referrer.ArtifactType, manifest["artifactType"]!.GetValue<string>());
            Assert.Equal(MediaTypes.OciManifest, manifest["mediaType"]!.GetValue<string>());
            Assert.Equal(MediaTypes.OciEmpty, manifest["config"]!["mediaType"]!.GetValue<string>());
            Assert.Equal("sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a", manifest["config"]!["digest"]!.GetValue<string>());
            Assert.Equal(2, manifest["config"]!["size"]!.GetValue<int>());
            Assert.Equal(subject.Digest, manifest["subject"]!["digest"]!.GetValue<string>());
            Assert.Equal(subject.MediaType, manifest["subject"]!["mediaType"]!.GetValue<string>());
            Assert.Equal(referrer.ArtifactType, Assert.Single(manifest["layers"]!.AsArray())!["mediaType"]!.GetValue<string>());
        }

        if (credentials is null)
        {
            var index = JsonNode.Parse(await SkopeoRawAsync(registry, $"{repository}:{ReferrersTag.For(subject.Digest)}", credentials))!;
            Assert.Equal(MediaTypes.OciIndex, index["mediaType"]!.GetValue<string>());
            Assert.Equal(
                referrers.Select(referrer => (referrer.Digest, referrer.ArtifactType)),
                index["manifests"]!.AsArray().Select(entry => (entry!["digest"]!.GetValue<string>(), (string?)entry["artifactType"]!.GetValue<string>())));
        }
    }

    private static async Task<string> SkopeoRawAsync(string registry, string reference, string? credentials)
    {
        List<string> arguments = ["inspect", "--raw", "--tls-verify=false"];
        arguments.AddRange(credentials is null ? ["--no-creds"] : ["--creds", credentials]);
        arguments.Add($"docker://{registry}/{reference}");
        return (await ProcessRunner.RunAsync(TestEnvironment.Skopeo, arguments, new Dictionary<string, string?> { ["REGISTRY_AUTH_FILE"] = Path.Combine(TestEnvironment.WorkDirectory, "no-auth.json") })).EnsureSuccess().StandardOutput;
    }

    /// <summary>An image pushed to the test registry through <paramref name="proxy"/>, in a new repository; the caller disposes the session.</summary>
    private async Task<(ImageEngineSession Session, string Repository, Descriptor Subject)> PushThroughAsync(RegistryProxy proxy, string prefix)
    {
        var session = new ImageEngineSession(proxy.Address);
        var repository = ImageEngineSession.NewRepository(prefix);
        return (session, repository, await PushImageAsync(session, repository));
    }

    private async Task<Descriptor> PushImageAsync(ImageEngineSession session, string repository)
    {
        var folder = SyntheticPublishFolder.Create(_work, 20_000, seed: 7);
        var image = await session.Builder.BuildAsync(ImageEngineSession.Options(folder, "scratch"), CancellationToken.None);
        await session.Pusher.PushAsync(image, repository, ["v1"], CancellationToken.None);
        return new Descriptor(image.MediaType, image.Digest, image.TopManifestBytes.Length);
    }

    private static ArtifactAttacher Attacher(ImageEngineSession session) => new(session.Client, session.Pool, session.Cache, ImageEngineSession.FastRetries());

    private static EcrApiClient EcrClient(LocalEcrServer localEcr) => new(new EcrClientOptions
    {
        Region = localEcr.Options.Region,
        ServiceUrl = localEcr.Endpoint,
        Credentials = new Amazon.Runtime.BasicAWSCredentials(localEcr.Options.AccessKeyId, localEcr.Options.SecretAccessKey),
    });

    /// <summary>Creates the repository (tags "v*" excluded from immutability where it has exclusions) and returns the registry password.</summary>
    private static async Task<string> CreateRepositoryAsync(LocalEcrServer localEcr, string name, string mutability)
    {
        using var ecr = EcrClient(localEcr);
        await ecr.CreateRepositoryAsync(new CreateRepositoryRequest
        {
            RepositoryName = name,
            ImageTagMutability = mutability,
            ImageTagMutabilityExclusionFilters = mutability.EndsWith("_WITH_EXCLUSION", StringComparison.Ordinal)
                ? [new ImageTagMutabilityExclusionFilter { FilterType = "WILDCARD", Filter = "latest*" }]
                : null,
        });
        return (await ecr.GetRegistryCredentialsAsync()).Password;
    }

    private static async Task<JsonArray> ListImageReferrersAsync(EcrApiClient ecr, string repository, string subjectDigest, string? artifactType)
    {
        var request = new JsonObject { ["repositoryName"] = repository, ["subjectId"] = new JsonObject { ["imageDigest"] = subjectDigest } };
        if (artifactType is not null)
        {
            request["filter"] = new JsonObject { ["artifactTypes"] = new JsonArray(artifactType) };
        }

        using var response = await ecr.InvokeAsync("ListImageReferrers", JsonSerializer.SerializeToUtf8Bytes(request));
        return JsonNode.Parse(response.RootElement.GetRawText())!["referrers"]!.AsArray();
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
