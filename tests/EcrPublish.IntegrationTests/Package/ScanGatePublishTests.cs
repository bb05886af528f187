using System.Text.Json.Nodes;
using EcrPublish.IntegrationTests.Scanning;
using EcrPublish.LocalEcr;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Package;

/// <summary>
/// The scan gate through a real 'dotnet publish' of the packed EcrPublish, against LocalEcr, whose basic scan finds the
/// made-up advisories of tests/EcrPublish.LocalEcr.Tests/VulnDb in the base image's dpkg database (zlib: HIGH,
/// LOCALECR-TEST-2026-0001; icu: MEDIUM). The EcrScanIgnore item comes from the project file, its Expires from a property.
/// </summary>
public sealed class ScanGatePublishTests(PackageFixture package) : IClassFixture<PackageFixture>
{
    private const string ZlibAdvisory = "LOCALECR-TEST-2026-0001";

    [Fact]
    public async Task An_ignore_lets_the_publish_pass_and_marks_the_finding_its_expiry_fails_it_and_a_bad_date_stops_before_the_push()
    {
        var vulnerabilities = Path.Combine(RepositoryRoot.Path, "tests", "EcrPublish.LocalEcr.Tests", "VulnDb");
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions { VulnerabilityDatabaseDirectory = vulnerabilities });
        var project = await ConsumerProject.CreateAsync(package, "e2escangate");
        await project.AddToProjectFileAsync($"""
            <ItemGroup>
              <EcrScanIgnore Include="{ZlibAdvisory}" Expires="$(ZlibIgnoreExpires)" Reason="zlib's inflate is not reachable from the app" />
            </ItemGroup>
            """);
        var environment = LocalEcrEnvironment.For(localEcr);
        environment["GITHUB_OUTPUT"] = Path.Combine(project.Directory, "github-output");
        string[] where =
        [
            "-p:PublishToEcr=true", $"-p:EcrServiceUrl={localEcr.Endpoint}", $"-p:ContainerBaseImage={TestEnvironment.RuntimeDepsBaseImage}",
            "-p:EcrRepository=e2e/scangate", "-p:EcrScanFailOnSeverity=HIGH", "-p:EcrScanSarifFile=obj/ecr-scan.sarif",
        ];
        var sarif = Path.Combine(project.Directory, "obj", "ecr-scan.sarif");

        var ignored = await project.PublishAsync(environment, [.. where, "-p:ZlibIgnoreExpires=2099-12-31"]);

        Assert.True(ignored.ExitCode == 0, ignored.Output);
        Assert.Contains($"1 finding(s) at or above the threshold not counted: ignored by EcrScanIgnore ({ZlibAdvisory})", ignored.Output, StringComparison.Ordinal);
        Assert.Contains("ignored until 2099-12-31: zlib's inflate is not reachable from the app", ignored.Output, StringComparison.Ordinal);
        Assert.Contains($"sarif-file={sarif}", await File.ReadAllTextAsync(environment["GITHUB_OUTPUT"]!), StringComparison.Ordinal);
        var resultFile = Assert.Single(Directory.GetFiles(Path.Combine(project.Directory, "obj"), "ecrpublish.result.json", SearchOption.AllDirectories));
        Assert.Equal(sarif, (string?)JsonNode.Parse(await File.ReadAllTextAsync(resultFile))!["images"]![0]!["sarifFile"]);
        var results = JsonNode.Parse(await File.ReadAllTextAsync(sarif))!["runs"]![0]!["results"]!.AsArray();
        var zlib = Assert.Single(results, result => (string?)result!["ruleId"] == ZlibAdvisory)!;
        Assert.Equal("zlib's inflate is not reachable from the app", (string?)zlib["suppressions"]![0]!["justification"]);
        Assert.Contains(results, result => (string?)result!["level"] == "warning"); // icu's MEDIUM advisory, not suppressed
        Assert.Empty(await SarifValidators.MultitoolErrorsAsync(sarif));
        var schema = await SarifValidators.SchemaAsync(sarif);
        Assert.True(schema.ExitCode == 0, schema.Output);

        var expired = await project.PublishAsync(environment, [.. where, "-p:ZlibIgnoreExpires=2020-01-31"]);

        Assert.NotEqual(0, expired.ExitCode);
        Assert.Contains($"warning ECR4505: EcrScanIgnore {ZlibAdvisory} expired on 2020-01-31", expired.Output, StringComparison.Ordinal);
        Assert.Contains("error ECR4502", expired.Output, StringComparison.Ordinal);
        Assert.Null(Assert.Single(JsonNode.Parse(await File.ReadAllTextAsync(sarif))!["runs"]![0]!["results"]!.AsArray(), result => (string?)result!["ruleId"] == ZlibAdvisory)!["suppressions"]);

        var badDate = await project.PublishAsync(environment, [.. where, "-p:ZlibIgnoreExpires=31.01.2099"]);

        Assert.NotEqual(0, badDate.ExitCode);
        Assert.Contains("error ECR1066", badDate.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("waiting for the scan", badDate.Output, StringComparison.Ordinal);
    }
}
