using System.Text.Json;
using System.Text.Json.Nodes;
using EcrPublish.Aws;
using EcrPublish.LocalEcr;
using EcrPublish.ManagedSigning;
using EcrPublish.Publishing;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Package;

/// <summary>
/// A real 'dotnet publish -p:PublishToEcr=true' into LocalEcr whose signing configuration covers (or does not cover) the
/// repository: LocalEcr signs each pushed image and reports IN_PROGRESS for its signing duration, so publish polls.
/// </summary>
public sealed class ManagedSigningPublishTests(PackageFixture package) : IClassFixture<PackageFixture>
{
    private const string SigningProfile = "arn:aws:signer:us-east-1:123456789012:/signing-profiles/ecrpublish";

    [Fact]
    public async Task Publish_waits_until_the_registry_has_signed_the_image_and_names_the_signature()
    {
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions());
        using var ecr = Client(localEcr);
        await PutSigningConfigurationAsync(ecr, "e2e/signed-*");
        var project = await ConsumerProject.CreateAsync(package, "e2esigned", web: true);
        var environment = LocalEcrEnvironment.For(localEcr);
        environment["GITHUB_OUTPUT"] = Path.Combine(project.Directory, "github-output");

        var result = await project.PublishAsync(environment, Where(localEcr, "e2e/signed-app"));

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("EcrPublish: waiting for ECR to sign e2e/signed-app@", result.Output, StringComparison.Ordinal);
        Assert.Contains($"EcrPublish: signed by ECR ({SigningProfile}).", result.Output, StringComparison.Ordinal);
        var image = ReadResult(project);
        var digest = image["digest"]!.GetValue<string>();
        Assert.Equal("COMPLETE", image["signingStatus"]!.GetValue<string>());
        var signature = Assert.Single(image["signatures"]!.AsArray())!.GetValue<string>();
        var listed = await ListImageReferrersAsync(ecr, "e2e/signed-app", digest);
        Assert.Equal(signature, Assert.Single(listed)!["digest"]!.GetValue<string>());
        var statuses = await ecr.DescribeImageSigningStatusAsync(new() { RepositoryName = "e2e/signed-app", ImageId = new() { ImageDigest = digest } });
        Assert.Equal(SigningStatuses.Complete, Assert.Single(statuses.SigningStatuses!).Status);
        var outputs = await File.ReadAllLinesAsync(environment["GITHUB_OUTPUT"]!);
        Assert.Contains("signing-status=COMPLETE", outputs);
        Assert.Contains($"signatures={signature}", outputs);
    }

    [Fact]
    public async Task A_signature_that_fails_fails_the_publish_with_ECR8154_and_the_registry_s_failure_code()
    {
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions());
        using var ecr = Client(localEcr);
        await PutSigningConfigurationAsync(ecr, filter: null);
        // A key file LocalEcr did not write: its signing ends FAILED with SIGNING_ERROR (docs/localecr.md).
        await File.WriteAllTextAsync(Path.Combine(localEcr.DataDirectory, "signing-key.pem"), "not a key\n");
        var project = await ConsumerProject.CreateAsync(package, "e2esignfail", web: true);

        var result = await project.PublishAsync(LocalEcrEnvironment.For(localEcr), Where(localEcr, "e2e/sign-fails"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"error {SigningWaitErrorCodes.Failed}", result.Output, StringComparison.Ordinal);
        Assert.Contains($"{SigningProfile}: SIGNING_ERROR (", result.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.Combine(project.Directory, "obj"), "ecrpublish.result.json", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task EcrWaitForSigning_true_needs_a_covering_rule_and_a_slow_signing_times_out_with_ECR8155()
    {
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions { SigningDuration = TimeSpan.FromMinutes(10) });
        using var ecr = Client(localEcr);
        await PutSigningConfigurationAsync(ecr, "e2e/slow");
        var project = await ConsumerProject.CreateAsync(package, "e2esignslow", web: true);

        var uncovered = await project.PublishAsync(LocalEcrEnvironment.For(localEcr), [.. Where(localEcr, "e2e/unsigned"), "-p:EcrWaitForSigning=true"]);
        var slow = await project.PublishAsync(LocalEcrEnvironment.For(localEcr), [.. Where(localEcr, "e2e/slow"), "-p:EcrSigningTimeout=3"]);

        Assert.NotEqual(0, uncovered.ExitCode);
        Assert.Contains($"error {SigningWaitErrorCodes.NotCovered}", uncovered.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, slow.ExitCode);
        Assert.Contains($"error {SigningWaitErrorCodes.TimedOut}", slow.Output, StringComparison.Ordinal);
        Assert.Contains("within 3 s (still IN_PROGRESS)", slow.Output, StringComparison.Ordinal);
    }

    private static string[] Where(LocalEcrServer localEcr, string repository) =>
    [
        "-p:PublishToEcr=true", $"-p:EcrServiceUrl={localEcr.Endpoint}", $"-p:ContainerBaseImage={TestEnvironment.AspNetBaseImage}",
        $"-p:EcrRepository={repository}", "-p:EcrScan=None",
    ];

    private static EcrApiClient Client(LocalEcrServer localEcr) => new(new EcrClientOptions
    {
        Region = localEcr.Options.Region,
        ServiceUrl = localEcr.Endpoint,
        Credentials = new Amazon.Runtime.BasicAWSCredentials(localEcr.Options.AccessKeyId, localEcr.Options.SecretAccessKey),
    });

    private static async Task PutSigningConfigurationAsync(EcrApiClient ecr, string? filter)
    {
        var rule = new JsonObject { ["signingProfileArn"] = SigningProfile };
        if (filter is not null)
        {
            rule["repositoryFilters"] = new JsonArray(new JsonObject { ["filter"] = filter, ["filterType"] = "WILDCARD_MATCH" });
        }

        using var _ = await ecr.InvokeAsync("PutSigningConfiguration", JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["signingConfiguration"] = new JsonObject { ["rules"] = new JsonArray(rule) } }));
    }

    private static async Task<JsonArray> ListImageReferrersAsync(EcrApiClient ecr, string repository, string subjectDigest)
    {
        var request = new JsonObject
        {
            ["repositoryName"] = repository,
            ["subjectId"] = new JsonObject { ["imageDigest"] = subjectDigest },
            ["filter"] = new JsonObject { ["artifactTypes"] = new JsonArray(ManagedSignatures.ArtifactType) },
        };
        using var response = await ecr.InvokeAsync("ListImageReferrers", JsonSerializer.SerializeToUtf8Bytes(request));
        return JsonNode.Parse(response.RootElement.GetProperty("referrers").GetRawText())!.AsArray();
    }

    private static JsonObject ReadResult(ConsumerProject project)
    {
        var path = Assert.Single(Directory.GetFiles(Path.Combine(project.Directory, "obj"), "ecrpublish.result.json", SearchOption.AllDirectories));
        return JsonNode.Parse(File.ReadAllText(path))!["images"]![0]!.AsObject();
    }
}
