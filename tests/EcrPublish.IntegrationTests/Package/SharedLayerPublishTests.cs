using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using EcrPublish.IntegrationTests.Registry;
using EcrPublish.LocalEcr;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Package;

/// <summary>
/// 'dotnet publish Services.sln' with MSBuild's parallel nodes: the services' shared layers (the class library's layer,
/// and the base image's when it comes from another registry) go up once, and the sibling mounts them; the record in
/// the layer cache lets tomorrow's push into new repositories mount from today's, and a record whose repository is
/// gone costs an upload, not the publish.
/// </summary>
public sealed partial class SharedLayerPublishTests(PackageFixture package) : IClassFixture<PackageFixture>
{
    [Fact]
    public async Task Into_distribution_each_shared_blob_is_uploaded_once_and_mounted_by_the_sibling()
    {
        await using var proxy = new RegistryProxy(TestEnvironment.Registry);
        var solution = await ConsumerSolution.CreateAsync(package, "sharedlayers-registry");
        var prefix = "shared-" + Guid.NewGuid().ToString("N")[..8];
        var environment = MotoEnvironment.For();
        environment["ECRPUBLISH_CACHE"] = Path.Combine(solution.Directory, "layer-cache");

        var result = await solution.PublishAsync(environment,
            "-p:PublishToEcr=true", $"-p:EcrServiceUrl={TestEnvironment.MotoUrl}", $"-p:EcrRegistryEndpoint=http://{proxy.Address}",
            $"-p:ContainerBaseImage={proxy.Address}{TestEnvironment.AspNetBaseImage[TestEnvironment.Registry.Length..]}",
            $"-p:EcrRepositoryPrefix={prefix}", "-p:EcrScan=None");

        Assert.True(result.ExitCode == 0, result.Output);
        var pushes = ConsumerSolution.Services.Select(service => PushLine.Find(result.Output, $"{proxy.Address}/{prefix}/{service}")).ToList();
        var committed = proxy.Requests.Where(request => request is { Method: "PUT", IsBlobUpload: true })
            .Select(request => DigestParameter().Match(request.PathAndQuery).Groups[1].Value).ToList();
        Assert.Equal(committed.Distinct().Count(), committed.Count);
        Assert.Equal(committed.Count, pushes.Sum(push => push.Uploaded));

        // The class library's layer is the services' one shared blob of their own: one of them mounted it from the other.
        var siblingMounts = proxy.Requests.Where(request => request.Method == "POST" && request.PathAndQuery.Contains($"&from={prefix}%2F", StringComparison.Ordinal)).ToList();
        var shared = MountParameter().Match(Assert.Single(siblingMounts).PathAndQuery).Groups[1].Value;
        Assert.Single(committed, digest => digest == shared);
        Assert.Equal(1, pushes.Sum(push => push.Mounted) - pushes.Min(push => push.Mounted) * 2);

        foreach (var service in ConsumerSolution.Services)
        {
            await using var container = await RunningContainer.StartWebAppAsync($"{TestEnvironment.Registry}/{prefix}/{service}:v2.0.0");
            Assert.Equal(service, await container.GetAsync("/"));
        }
    }

    [Fact]
    public async Task Into_LocalEcr_with_blob_mounting_each_shared_blob_is_uploaded_once_and_a_later_push_mounts_everything()
    {
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions());
        var environment = LocalEcrEnvironment.For(localEcr);
        // The AWS CLI v1 has the newest service model, with put-account-setting.
        (await AwsCliRunner.RunAsync(TestEnvironment.AwsCliV1,
            ["ecr", "put-account-setting", "--name", "BLOB_MOUNTING", "--value", "ENABLED", "--region", localEcr.Options.Region, "--endpoint-url", localEcr.Endpoint.ToString()], environment)).EnsureSuccess();
        var solution = await ConsumerSolution.CreateAsync(package, "sharedlayers-localecr");
        environment["ECRPUBLISH_CACHE"] = Path.Combine(solution.Directory, "layer-cache");

        // The base image is in the test registry, not in LocalEcr: its layers are shared blobs as well.
        var today = await PublishAsync(solution, localEcr, environment, "today");
        var blobs = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var service in ConsumerSolution.Services)
        {
            blobs[service] = await BlobsOfAsync(localEcr, $"today/{service}");
        }

        var sharedBlobs = blobs["catalog"].Intersect(blobs["orders"]).Count();
        Assert.True(sharedBlobs > 1, "the services share the base image's layers and the class library's");
        Assert.Equal(blobs.Values.Sum(list => list.Count), today.Sum(push => push.Uploaded + push.Mounted));
        Assert.Equal(sharedBlobs, today.Sum(push => push.Mounted));
        Assert.Equal(blobs.Values.SelectMany(list => list).Distinct().Count(), today.Sum(push => push.Uploaded));
        var mounting = today.MinBy(push => push.Uploaded)!;
        Assert.True(mounting.Bytes * 10 < today.Max(push => push.Bytes), $"the service that mounts sends its own layers only: {mounting.Bytes} bytes");

        // The next day's cold push into new repositories: every blob is in yesterday's repositories.
        var tomorrow = await PublishAsync(solution, localEcr, environment, "tomorrow");
        Assert.All(tomorrow, push => Assert.Equal((0, blobs[push.Service].Count, 0L), (push.Uploaded, push.Mounted, push.Bytes)));

        foreach (var service in ConsumerSolution.Services)
        {
            var image = $"{localEcr.RegistryHost}/tomorrow/{service}:v2.0.0";
            await LocalEcrEnvironment.PullAsync(localEcr, image);
            await using var container = await RunningContainer.StartWebAppAsync(image);
            Assert.Equal(service, await container.GetAsync("/"));
        }
    }

    [Fact]
    public async Task A_record_naming_a_deleted_repository_costs_an_upload_and_the_publish_succeeds()
    {
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions());
        var environment = LocalEcrEnvironment.For(localEcr);
        // The AWS CLI v1 has the newest service model, with put-account-setting.
        (await AwsCliRunner.RunAsync(TestEnvironment.AwsCliV1,
            ["ecr", "put-account-setting", "--name", "BLOB_MOUNTING", "--value", "ENABLED", "--region", localEcr.Options.Region, "--endpoint-url", localEcr.Endpoint.ToString()], environment)).EnsureSuccess();
        var solution = await ConsumerSolution.CreateAsync(package, "sharedlayers-stale");
        environment["ECRPUBLISH_CACHE"] = Path.Combine(solution.Directory, "layer-cache");

        await PublishAsync(solution, localEcr, environment, "gone");
        foreach (var service in ConsumerSolution.Services)
        {
            (await AwsCliRunner.RunAsync(TestEnvironment.AwsCliV2,
                ["ecr", "delete-repository", "--repository-name", $"gone/{service}", "--force", "--endpoint-url", localEcr.Endpoint.ToString()], environment)).EnsureSuccess();
        }

        var again = await PublishAsync(solution, localEcr, environment, "again");
        var blobs = new List<string>();
        foreach (var service in ConsumerSolution.Services)
        {
            blobs.AddRange(await BlobsOfAsync(localEcr, $"again/{service}"));
        }

        // Every blob the record pointed at a deleted repository for was uploaded again, into one service at least.
        Assert.True(again.Sum(push => push.Uploaded) >= blobs.Distinct().Count(), string.Join(", ", again));
        Assert.Equal(blobs.Count, again.Sum(push => push.Uploaded + push.Mounted));
        foreach (var service in ConsumerSolution.Services)
        {
            var image = $"{localEcr.RegistryHost}/again/{service}:v2.0.0";
            await LocalEcrEnvironment.PullAsync(localEcr, image);
            await using var container = await RunningContainer.StartWebAppAsync(image);
            Assert.Equal(service, await container.GetAsync("/"));
        }
    }

    private static async Task<List<PushLine>> PublishAsync(ConsumerSolution solution, LocalEcrServer localEcr, Dictionary<string, string?> environment, string prefix)
    {
        // MSBuild's default: a node per core, the services published side by side in separate processes.
        var result = await solution.PublishAsync(environment,
            "-p:PublishToEcr=true", $"-p:EcrServiceUrl={localEcr.Endpoint}", $"-p:ContainerBaseImage={TestEnvironment.AspNetBaseImage}",
            $"-p:EcrRepositoryPrefix={prefix}", "-p:EcrScan=None");
        Assert.True(result.ExitCode == 0, result.Output);
        return [.. ConsumerSolution.Services.Select(service => PushLine.Find(result.Output, $"{localEcr.RegistryHost}/{prefix}/{service}") with { Service = service })];
    }

    /// <summary>The config and layer digests of the image tagged v2.0.0, read with skopeo.</summary>
    private static async Task<IReadOnlyList<string>> BlobsOfAsync(LocalEcrServer localEcr, string repository)
    {
        var credentials = "AWS:" + await LocalEcrEnvironment.LoginPasswordAsync(localEcr);
        var raw = (await ProcessRunner.RunAsync(TestEnvironment.Skopeo,
            ["inspect", "--raw", "--tls-verify=false", "--creds", credentials, $"docker://{localEcr.RegistryHost}/{repository}:v2.0.0"])).EnsureSuccess().StandardOutput;
        using var manifest = JsonDocument.Parse(raw);
        return [manifest.RootElement.GetProperty("config").GetProperty("digest").GetString()!,
            .. manifest.RootElement.GetProperty("layers").EnumerateArray().Select(layer => layer.GetProperty("digest").GetString()!)];
    }

    [GeneratedRegex(@"[?&]digest=(sha256%3A[0-9a-f]{64}|sha256:[0-9a-f]{64})")]
    private static partial Regex DigestParameter();

    [GeneratedRegex(@"[?&]mount=(sha256%3A[0-9a-f]{64}|sha256:[0-9a-f]{64})")]
    private static partial Regex MountParameter();

    /// <summary>What the publish line of one image says it sent.</summary>
    private sealed partial record PushLine(string Service, int Uploaded, int Mounted, long Bytes)
    {
        public static PushLine Find(string output, string imageUri)
        {
            var match = Line().Matches(output).LastOrDefault(candidate => candidate.Groups["uri"].Value == imageUri);
            Assert.True(match is not null, $"no publish line for {imageUri} in:\n{output}");
            return new PushLine(imageUri, Number(match.Groups["uploaded"].Value), Number(match.Groups["mounted"].Value),
                long.Parse(string.Concat(match.Groups["bytes"].Value.Where(char.IsAsciiDigit)), CultureInfo.InvariantCulture));
        }

        private static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);

        [GeneratedRegex(@"EcrPublish: (?<uri>\S+)@sha256:[0-9a-f]{64} tags .*?\((?<uploaded>\d+) layer\(s\) uploaded, (?<mounted>\d+) mounted, \d+ already there, (?<bytes>[\d,.\u00a0\u202f ]+) bytes\)")]
        private static partial Regex Line();
    }
}
