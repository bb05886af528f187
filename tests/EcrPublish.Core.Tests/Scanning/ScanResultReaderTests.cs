using EcrPublish.Aws.Model;
using EcrPublish.Scanning;
using Xunit;

namespace EcrPublish.Core.Tests.Scanning;

public sealed class ScanResultReaderTests
{
    [Fact]
    public void Enhanced_findings_keep_fix_availability_score_and_package_path()
    {
        var result = ScanResultReader.Read(new DescribeImageScanFindingsResponse
        {
            ImageScanStatus = new ImageScanStatus { Status = "ACTIVE", Description = "Continuous scan is selected for image." },
            ImageScanFindings = new ImageScanFindings
            {
                FindingSeverityCounts = new Dictionary<string, int> { ["HIGH"] = 1 },
                EnhancedFindings =
                [
                    new EnhancedImageScanFinding
                    {
                        Severity = "HIGH",
                        FixAvailable = "PARTIAL",
                        Score = 7.5,
                        Title = "CVE-2024-0001 - openssl",
                        PackageVulnerabilityDetails = new PackageVulnerabilityDetails
                        {
                            VulnerabilityId = "CVE-2024-0001",
                            SourceUrl = "https://example.test/CVE-2024-0001",
                            VulnerablePackages = [new VulnerablePackage { Name = "openssl", Version = "3.0.1", FixedInVersion = "3.0.2", FilePath = "/usr/lib/libssl.so.3" }],
                        },
                    },
                ],
            },
        });

        var finding = Assert.Single(result.Findings);
        Assert.Equal("ACTIVE", result.Status);
        Assert.Equal(("CVE-2024-0001", "HIGH", "openssl", "3.0.1"), (finding.Name, finding.Severity, finding.PackageName, finding.PackageVersion));
        Assert.Equal(("PARTIAL", 7.5, "3.0.2", "/usr/lib/libssl.so.3"), (finding.FixAvailable, finding.Score, finding.FixedInVersion, finding.FilePath));
    }

    [Fact]
    public void Every_page_adds_its_findings_and_the_first_gives_status_and_counts()
    {
        static DescribeImageScanFindingsResponse Page(string name) => new()
        {
            ImageScanStatus = new ImageScanStatus { Status = "COMPLETE" },
            ImageScanFindings = new ImageScanFindings
            {
                FindingSeverityCounts = new Dictionary<string, int> { ["medium"] = 2 },
                Findings = [new ImageScanFinding { Name = name, Severity = "MEDIUM", Attributes = [new FindingAttributeEntry { Key = "CVSS2_SCORE", Value = "5.0" }] }],
            },
        };

        var result = ScanResultReader.Read([Page("CVE-1"), Page("CVE-2")]);

        Assert.Equal(["CVE-1", "CVE-2"], result.Findings.Select(finding => finding.Name));
        Assert.Equal(2, result.CountOf("MEDIUM"));
        Assert.Equal(5.0, result.Findings[0].Score);
        Assert.Null(result.Findings[0].FixAvailable);
    }
}
