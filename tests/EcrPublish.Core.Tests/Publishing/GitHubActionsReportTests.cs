using EcrPublish.Publishing;
using Xunit;

namespace EcrPublish.Core.Tests.Publishing;

public sealed class GitHubActionsReportTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ecrpublish-gha").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static EcrPublishResult Result() => new(
    [
        new EcrPublishedImage("123456789012.dkr.ecr.us-east-1.amazonaws.com/hello", "sha256:abc", ["v1.0.0", "latest"], "COMPLETE", new Dictionary<string, int> { ["HIGH"] = 2 }),
    ]);

    [Fact]
    public void Appends_outputs_after_existing_lines_and_multi_line_tags_as_a_heredoc()
    {
        var output = Path.Combine(_directory, "output");
        File.WriteAllText(output, "earlier=1");

        GitHubActionsReport.Write(Result(), new Dictionary<string, string?> { ["GITHUB_OUTPUT"] = output });

        var lines = File.ReadAllLines(output);
        Assert.Equal("earlier=1", lines[0]);
        Assert.Equal("image=123456789012.dkr.ecr.us-east-1.amazonaws.com/hello@sha256:abc", lines[1]);
        Assert.Equal("digest=sha256:abc", lines[2]);
        Assert.StartsWith("tags<<ghadelimiter_", lines[3], StringComparison.Ordinal);
        Assert.Equal("123456789012.dkr.ecr.us-east-1.amazonaws.com/hello:v1.0.0", lines[4]);
        Assert.Equal("123456789012.dkr.ecr.us-east-1.amazonaws.com/hello:latest", lines[5]);
        Assert.Equal(lines[3]["tags<<".Length..], lines[6]);
        Assert.Equal(7, lines.Length);
    }

    [Fact]
    public void Names_the_SBOM_file_when_the_publish_wrote_one()
    {
        var output = Path.Combine(_directory, "output");
        var result = new EcrPublishResult([Result().Images[0] with { SbomFile = "/src/app/obj/Release/net10.0/ecrpublish.sbom.spdx.json" }]);

        GitHubActionsReport.Write(result, new Dictionary<string, string?> { ["GITHUB_OUTPUT"] = output });

        Assert.Equal("sbom-file=/src/app/obj/Release/net10.0/ecrpublish.sbom.spdx.json", File.ReadAllLines(output)[^1]);
    }

    [Fact]
    public void Gives_the_signing_status_and_the_signatures_when_ECR_signed_the_image()
    {
        var output = Path.Combine(_directory, "output");
        var signing = new SigningResult("COMPLETE", ["arn:aws:signer:us-east-1:123456789012:/signing-profiles/ecr"], ["sha256:" + new string('a', 64)]);
        var result = new EcrPublishResult([Result().Images[0] with { Signing = signing }]);

        GitHubActionsReport.Write(result, new Dictionary<string, string?> { ["GITHUB_OUTPUT"] = output });

        Assert.Equal(["signing-status=COMPLETE", "signatures=sha256:" + new string('a', 64)], File.ReadAllLines(output)[^2..]);
    }

    [Fact]
    public void Writes_a_markdown_summary_with_the_scan_counts()
    {
        var summary = Path.Combine(_directory, "summary");

        GitHubActionsReport.Write(Result(), new Dictionary<string, string?> { ["GITHUB_STEP_SUMMARY"] = summary });

        var text = File.ReadAllText(summary);
        Assert.Contains("| `123456789012.dkr.ecr.us-east-1.amazonaws.com/hello` | `sha256:abc` | `v1.0.0` `latest` | COMPLETE: 2 HIGH |", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_nothing_outside_github_actions()
    {
        GitHubActionsReport.Write(Result(), new Dictionary<string, string?>());

        Assert.Empty(Directory.GetFiles(_directory));
    }
}
