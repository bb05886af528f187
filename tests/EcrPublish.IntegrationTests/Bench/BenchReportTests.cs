using System.Globalization;
using System.Text.Json;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Bench;

/// <summary>
/// build/bench/report.py's goal table (issue 19's goals, computed by build/bench/goals.py): fed a small results.csv
/// written here, with figures on both sides of the thresholds, it marks each goal met, not met, or not run.
/// </summary>
public sealed class BenchReportTests : IDisposable
{
    private const string Header = "run,scenario,tool,link,phase,wall_s,max_rss_kb,requests,bytes_up,blob_bytes_up,blob_uploads,"
        + "bytes_down,exit,user_s,sys_s,blobs_pushed,api_requests,api_token_requests,api_actions";

    private readonly string _directory = Path.Combine(TestEnvironment.WorkDirectory, "bench-report-" + Guid.NewGuid().ToString("N")[..8]);

    public BenchReportTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task The_goal_table_says_which_goals_the_results_meet()
    {
        string[] rows =
        [
            Row("1-cold", "ecrpublish", wall: 2.0), Row("1-cold", "sdk", wall: 2.5),
            Row("2-nochange", "ecrpublish", wall: 1.0, requests: 1, apiRequests: 1, tokens: 1, actions: "GetAuthorizationToken:1"),
            Row("2-nochange", "sdk", wall: 2.5, requests: 16),
            Row("8-newtag", "ecrpublish", wall: 1.0, requests: 3, apiRequests: 1, actions: "DescribeRepositories:1"),
            Row("8-newtag", "sdk", wall: 2.5, requests: 17),
            Row("3-code", "ecrpublish", wall: 1.5, blobs: 2, blobBytes: 61_000), Row("3-code", "sdk", wall: 2.5),
            Row("9-fresh-ci", "ecrpublish", wall: 2.0, link: "wan", blobs: 2, blobBytes: 60_000),
            Row("9-fresh-ci", "sdk", wall: 5.0, link: "wan"),
            Row("7a-sc-cold", "ecrpublish", wall: 3.0, rssMb: 200), Row("7a-sc-cold", "sdk", wall: 2.0),
            Row("10-large-sc-cold", "ecrpublish", wall: 20.0, rssMb: 400, cpuSeconds: 32.0),
            Row("10-large-sc-cold", "sdk", wall: 30.0, rssMb: 1200, cpuSeconds: 30.0),
        ];
        var results = Path.Combine(_directory, "results.csv");
        await File.WriteAllLinesAsync(results, [Header, .. rows]);

        var result = await ProcessRunner.RunAsync("python3",
            [Path.Combine(RepositoryRoot.Path, "build", "bench", "report.py"), results, _directory, "--cores", "2"]);

        Assert.True(result.ExitCode == 0, result.Output);
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_directory, "summary.json")));
        var goals = summary.RootElement.GetProperty("goals").EnumerateArray()
            .Select(goal => (Scenario: goal.GetProperty("scenario").GetString() ?? "", Met: Met(goal.GetProperty("met"))))
            .ToList();
        (string, bool?)[] expected =
        [
            ("1 cold push, loopback", true),                // 0.80x
            ("7a cold push, self-contained", false),        // 1.50x
            ("6a cold push, WAN", null),                    // not run: command time
            ("6a cold push, WAN", null),                    // not run: container step against bytes / bandwidth
            ("5 solution of 3 services", null),
            ("5 solution of 3 services", null),
            ("2 no change", true),                          // 1 registry request besides the token
            ("6b no change, WAN", null),
            ("8 unchanged image, one new tag", false),      // 3 registry requests + DescribeRepositories
            ("9 fresh CI runner, code change", true),       // as many blobs as the warm-cache code change
            ("9 fresh CI runner, code change", true),       // 0.40x
            ("10 1 GiB self-contained app", false),         // 400 MB against 200 MB for 7a
            ("10 1 GiB self-contained app", true),          // 1.6 of 2 cores
        ];
        Assert.Equal(expected, goals);
        var markdown = await File.ReadAllTextAsync(Path.Combine(_directory, "summary.md"));
        Assert.Contains("| 8 unchanged image, one new tag | registry + ECR API requests besides the token <= 2 | 4 (3 registry + 1 ECR API: DescribeRepositories:1); SDK 17 | no |",
            markdown, StringComparison.Ordinal);
    }

    private static bool? Met(JsonElement met) => met.ValueKind == JsonValueKind.Null ? null : met.GetBoolean();

    private static string Row(string scenario, string tool, double wall, string link = "lan", int requests = 10, int blobs = 1,
        long blobBytes = 1_000_000, int rssMb = 200, double cpuSeconds = 1.0, int apiRequests = 0, int tokens = 0, string actions = "")
    {
        var invariant = CultureInfo.InvariantCulture;
        return string.Join(',', "1", scenario, tool, link, "container", wall.ToString(invariant), (rssMb * 1024).ToString(invariant),
            requests.ToString(invariant), (blobBytes + 2_000).ToString(invariant), blobBytes.ToString(invariant), "2", "0", "0",
            cpuSeconds.ToString(invariant), "0", blobs.ToString(invariant), apiRequests.ToString(invariant), tokens.ToString(invariant), actions);
    }
}
