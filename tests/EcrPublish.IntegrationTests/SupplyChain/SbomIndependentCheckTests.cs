using System.Text.Json;
using System.Text.Json.Nodes;
using EcrPublish.SupplyChain;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.SupplyChain;

/// <summary>
/// EcrPublish's SBOMs checked by tools it did not write: the official CycloneDX 1.6 JSON schema with ajv (both from
/// npm), and the CycloneDX dotnet tool's NuGet component list for the same project.
/// </summary>
public sealed class SbomIndependentCheckTests(GeneratedAppWithPackages app) : IClassFixture<GeneratedAppWithPackages>
{
    [Fact]
    public async Task The_CycloneDX_document_validates_against_the_official_1_6_schema_and_a_broken_one_does_not()
    {
        var document = SbomDocumentWriter.WriteCycloneDx(app.Inputs);
        Assert.Equal("valid", (await ValidateAsync(document)).StandardOutput.Trim());

        // The validator can fail: a component without a name is not CycloneDX.
        var broken = JsonNode.Parse(document)!;
        broken["components"]![0]!.AsObject().Remove("name");
        var rejected = await ValidateAsync(JsonSerializer.SerializeToUtf8Bytes(broken));
        Assert.Equal(1, rejected.ExitCode);
        Assert.Contains("name", rejected.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_NuGet_packages_are_the_ones_the_CycloneDX_dotnet_tool_finds_in_the_same_project()
    {
        var output = Path.Combine(app.Root, "cyclonedx-tool");
        (await ProcessRunner.RunAsync(SupplyChainValidators.CycloneDxTool,
            [app.ProjectFile, "--output", output, "--output-format", "Json", "--spec-version", "1.6", "--disable-package-restore"],
            new Dictionary<string, string?> { ["DOTNET_ROLL_FORWARD"] = "Major" }, timeout: TimeSpan.FromMinutes(5))).EnsureSuccess();
        using var theirs = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(output, "bom.json")));
        var expected = theirs.RootElement.GetProperty("components").EnumerateArray()
            .Select(component => $"{component.GetProperty("name").GetString()}@{component.GetProperty("version").GetString()}")
            .Order(StringComparer.Ordinal)
            .ToList();

        using var ours = JsonDocument.Parse(SbomDocumentWriter.WriteCycloneDx(app.Inputs));
        var actual = ours.RootElement.GetProperty("components").EnumerateArray()
            .Where(component => component.TryGetProperty("purl", out var purl) && purl.GetString()!.StartsWith("pkg:nuget/", StringComparison.Ordinal))
            .Select(component => $"{component.GetProperty("name").GetString()}@{component.GetProperty("version").GetString()}")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(28, expected.Count);
        Assert.Equal(expected, actual);
    }

    private async Task<ProcessResult> ValidateAsync(byte[] document)
    {
        var path = Path.Combine(app.Root, Guid.NewGuid().ToString("N") + ".cdx.json");
        await File.WriteAllBytesAsync(path, document);
        return await ProcessRunner.RunAsync("node", [SupplyChainValidators.SchemaScript, SupplyChainValidators.Directory, "cyclonedx-1.6", path]);
    }
}
