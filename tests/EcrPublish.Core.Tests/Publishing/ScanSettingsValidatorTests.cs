using EcrPublish.Core.Tests.Tagging;
using EcrPublish.Publishing;
using EcrPublish.Scanning;
using Xunit;

namespace EcrPublish.Core.Tests.Publishing;

/// <summary>EcrScanIgnore, EcrScanFailOnFixableOnly and EcrScanSarifFile, checked before anything is pushed.</summary>
public sealed class ScanSettingsValidatorTests : IDisposable
{
    private readonly TemporaryDirectory _project = new();

    public ScanSettingsValidatorTests() => Directory.CreateDirectory(Path.Combine(_project.Path, "publish"));

    public void Dispose() => _project.Dispose();

    private EcrPublishInputs Inputs() => new()
    {
        ProjectDirectory = _project.Path,
        ProjectName = "Api",
        PublishDirectory = Path.Combine(_project.Path, "publish"),
        ImageTags = ["v1"],
        Project = new ProjectFacts("Api", "Api", "Api.dll", "10.0", false, true, "1.0.0"),
    };

    [Fact]
    public void Valid_settings_reach_the_request()
    {
        var result = PublishRequestValidator.Validate(Inputs() with
        {
            ScanIgnores = [new ScanIgnoreInput(" CVE-2024-0001 ", "2027-01-31", " not reachable "), new ScanIgnoreInput("GHSA-abcd-efgh-ijkl", "", "")],
            ScanFailOnFixableOnly = "TRUE",
            ScanSarifFile = "obj/scan.sarif",
        });

        Assert.Empty(result.Diagnostics);
        var scan = result.Request!.Scan;
        Assert.Equal(
            [new ScanIgnore("CVE-2024-0001", new DateOnly(2027, 1, 31), "not reachable"), new ScanIgnore("GHSA-abcd-efgh-ijkl", null, null)],
            scan.Ignores);
        Assert.True(scan.FailOnFixableOnly);
        Assert.Equal(Path.Combine(_project.Path, "obj", "scan.sarif"), scan.SarifFile);
    }

    [Fact]
    public void Bad_ignores_are_all_reported_with_their_codes()
    {
        var result = PublishRequestValidator.Validate(Inputs() with
        {
            ScanIgnores =
            [
                new ScanIgnoreInput("  ", null, null),
                new ScanIgnoreInput("CVE-2024-0001 CVE-2024-0002", null, null),
                new ScanIgnoreInput("CVE-2024-0003", "31/01/2027", "reason"),
                new ScanIgnoreInput("CVE-2024-0004", "2027-02-30", null),
                new ScanIgnoreInput("CVE-2024-0005", null, null),
                new ScanIgnoreInput("cve-2024-0005", "2027-01-01", null),
            ],
            ScanFailOnFixableOnly = "sometimes",
        });

        Assert.Null(result.Request);
        Assert.Equal(["ECR1065", "ECR1065", "ECR1066", "ECR1066", "ECR1067", "ECR1006"], result.Diagnostics.Select(diagnostic => diagnostic.Code));
        Assert.Contains("31/01/2027", result.Diagnostics[2].Message, StringComparison.Ordinal);
        Assert.Contains("yyyy-MM-dd", result.Diagnostics[2].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("None", null, "EcrScan=None")]
    [InlineData(null, "false", "EcrPush=false")]
    public void A_SARIF_file_without_a_scan_is_refused(string? scan, string? push, string named)
    {
        var result = PublishRequestValidator.Validate(Inputs() with { Scan = scan, Push = push, LoadInto = push is null ? null : "Docker", ScanSarifFile = "scan.sarif" });

        var diagnostic = Assert.Single(result.Diagnostics, diagnostic => diagnostic.Code == "ECR1069");
        Assert.Contains(named, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_SARIF_file_that_is_a_folder_is_refused()
    {
        Directory.CreateDirectory(Path.Combine(_project.Path, "reports"));

        var result = PublishRequestValidator.Validate(Inputs() with { ScanSarifFile = "reports" });

        Assert.Equal("ECR1068", Assert.Single(result.Diagnostics).Code);
    }
}
