using System.Text.RegularExpressions;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Cli;

/// <summary>
/// Runs the same <c>ecr</c> command line through the AWS CLI (<c>aws ecr ...</c>, v2 or v1) and through the built
/// <c>dotnet-ecr.dll</c> (<c>dotnet ecr ...</c>) against the same moto server, each on its own repositories
/// (<c>REPO</c> in the words becomes <c>&lt;id&gt;-aws</c> or <c>&lt;id&gt;-net</c>), and compares what they print.
/// dotnet ecr prints what v2 prints; against v1 the comparison allows for v1's differences: epoch timestamps (and
/// so table column widths), exit code 255 for every error, and the note v1 puts before its usage lines.
/// </summary>
internal sealed partial class CliParityRunner
{
    private readonly string _awsName;
    private readonly string _netName;
    private readonly string _endpoint;
    private readonly AwsCliVersion _cli;

    /// <summary>A runner against <paramref name="endpoint"/> (moto when null), comparing with <paramref name="cli"/>.</summary>
    public CliParityRunner(string purpose, string? endpoint = null, AwsCliVersion cli = AwsCliVersion.V2)
    {
        _endpoint = endpoint ?? TestEnvironment.MotoUrl;
        _cli = cli;
        var id = $"cli-{purpose}-{Guid.NewGuid().ToString("N")[..8]}";
        _awsName = id + "-aws";
        _netName = id + "-net";
    }

    /// <summary>False for AWS CLI v1, which has no <c>--output yaml</c> or <c>yaml-stream</c>.</summary>
    public bool HasYamlOutput => _cli == AwsCliVersion.V2;

    public static string DotnetEcrAssembly => Path.Combine(AppContext.BaseDirectory, "dotnet-ecr.dll");

    /// <summary>The repository (or prefix) name the AWS CLI side uses for <c>REPO</c>.</summary>
    public string AwsName => _awsName;

    /// <summary>The repository (or prefix) name the dotnet ecr side uses for <c>REPO</c>.</summary>
    public string NetName => _netName;

    public static Task<ProcessResult> AwsAsync(params string[] words) => AwsAtAsync(TestEnvironment.MotoUrl, words);

    public static Task<ProcessResult> DotnetEcrAsync(params string[] words) => DotnetEcrAtAsync(TestEnvironment.MotoUrl, words);

    public static Task<ProcessResult> AwsAtAsync(string endpoint, string[] words, AwsCliVersion cli = AwsCliVersion.V2) =>
        AwsCliRunner.RunAsync(
            cli == AwsCliVersion.V1 ? TestEnvironment.AwsCliV1 : TestEnvironment.AwsCliV2,
            ["--endpoint-url", endpoint, "ecr", .. words],
            Environment(),
            timeout: TimeSpan.FromMinutes(2));

    public static Task<ProcessResult> DotnetEcrAtAsync(string endpoint, string[] words) =>
        ProcessRunner.RunAsync("dotnet", [DotnetEcrAssembly, "--endpoint-url", endpoint, .. words], Environment(), timeout: TimeSpan.FromMinutes(2));

    /// <summary>Runs both sides on their own repositories and asserts equal exit codes, output and (non-usage) errors.</summary>
    public async Task<ProcessResult> AssertSameAsync(params string[] words)
    {
        var (aws, net) = await RunBothAsync(NoValues, words);
        AssertSame(aws, net, NoValues, words);
        return net;
    }

    /// <summary>
    /// Runs the same words on both sides with <paramref name="between"/> after the AWS CLI's call, for commands on
    /// registry-wide state that the first call changes (a delete): <paramref name="between"/> puts it back.
    /// </summary>
    public async Task<ProcessResult> AssertSameAsync(Func<Task> between, params string[] words)
    {
        var aws = await AwsAtAsync(_endpoint, words, _cli);
        await between();
        var net = await DotnetEcrAtAsync(_endpoint, words);
        AssertSame(aws, net, string.Join(' ', words));
        return net;
    }

    /// <summary>
    /// Runs both sides, each on its own repositories, with per-side <paramref name="values"/> besides REPO (an upload id,
    /// a URL each side was given): every key in the words becomes that side's value.
    /// </summary>
    public async Task<(ProcessResult Aws, ProcessResult Net)> RunBothAsync(IReadOnlyDictionary<string, (string Aws, string Net)> values, params string[] words)
    {
        var aws = await AwsAtAsync(_endpoint, words.Select(w => Substitute(w, _awsName, values, value => value.Aws)).ToArray(), _cli);
        var net = await DotnetEcrAtAsync(_endpoint, words.Select(w => Substitute(w, _netName, values, value => value.Net)).ToArray());
        return (aws, net);
    }

    /// <summary>Asserts what <see cref="RunBothAsync"/> returned is the same once each side's values are put back as their keys.</summary>
    public void AssertSame(ProcessResult aws, ProcessResult net, IReadOnlyDictionary<string, (string Aws, string Net)> values, params string[] words) =>
        AssertSame(Placeholders(aws, values, value => value.Aws), Placeholders(net, values, value => value.Net), string.Join(' ', words));

    /// <summary><see cref="RunBothAsync"/> and <see cref="AssertSame(ProcessResult, ProcessResult, IReadOnlyDictionary{string, ValueTuple{string, string}}, string[])"/>.</summary>
    public async Task<ProcessResult> AssertSameAsync(IReadOnlyDictionary<string, (string Aws, string Net)> values, params string[] words)
    {
        var (aws, net) = await RunBothAsync(values, words);
        AssertSame(aws, net, values, words);
        return net;
    }

    private static readonly IReadOnlyDictionary<string, (string Aws, string Net)> NoValues = new Dictionary<string, (string Aws, string Net)>();

    private static string Substitute(string word, string repository, IReadOnlyDictionary<string, (string Aws, string Net)> values, Func<(string Aws, string Net), string> side) =>
        values.Aggregate(word.Replace("REPO", repository, StringComparison.Ordinal), (text, pair) => text.Replace(pair.Key, side(pair.Value), StringComparison.Ordinal));

    private static ProcessResult Placeholders(ProcessResult result, IReadOnlyDictionary<string, (string Aws, string Net)> values, Func<(string Aws, string Net), string> side) =>
        values.Aggregate(result, (current, pair) => current with
        {
            StandardOutput = current.StandardOutput.Replace(side(pair.Value), pair.Key, StringComparison.Ordinal),
            StandardError = current.StandardError.Replace(side(pair.Value), pair.Key, StringComparison.Ordinal),
        });

    /// <summary>Runs a command that touches registry-wide state: the AWS CLI v2 first, then dotnet ecr, same words.</summary>
    public static Task<ProcessResult> AssertSameSequentiallyAsync(params string[] words) => AssertSameSequentiallyAsync(AwsCliVersion.V2, words);

    /// <summary>Runs a command that touches registry-wide state: the AWS CLI first, then dotnet ecr, same words.</summary>
    public static async Task<ProcessResult> AssertSameSequentiallyAsync(AwsCliVersion cli, params string[] words)
    {
        var aws = await AwsAtAsync(TestEnvironment.MotoUrl, words, cli);
        var net = await DotnetEcrAsync(words);
        new CliParityRunner("seq", cli: cli).AssertSame(aws, net, string.Join(' ', words));
        return net;
    }

    /// <summary>Stores an image in the named repository of each side.</summary>
    public async Task PutImageOnBothSidesAsync(string repositorySuffix, string manifest, string? tag)
    {
        foreach (var name in new[] { _awsName, _netName })
        {
            await MotoSeed.PutImageAsync(name + repositorySuffix, manifest, tag);
        }
    }

    private void AssertSame(ProcessResult aws, ProcessResult net, string command)
    {
        // v1 ends every failure with 255; v2 (and dotnet ecr) tell usage (252), configuration (253) and service (254) errors apart.
        var sameExit = _cli == AwsCliVersion.V1 ? (aws.ExitCode == 0) == (net.ExitCode == 0) : aws.ExitCode == net.ExitCode;
        Assert.True(sameExit,
            $"{command}: exit code {net.ExitCode}, AWS CLI {_cli} {aws.ExitCode}\ndotnet ecr stderr: {net.StandardError}\naws stderr: {aws.StandardError}");
        Assert.Equal(Normalize(aws.StandardOutput), Normalize(net.StandardOutput));
        Assert.Equal(NormalizeError(aws.StandardError), NormalizeError(net.StandardError));
    }

    private string Normalize(string text)
    {
        var normalized = IsoTimestamp().Replace(text.Replace(_awsName, "REPO", StringComparison.Ordinal).Replace(_netName, "REPO", StringComparison.Ordinal), "<timestamp>");
        if (_cli == AwsCliVersion.V2)
        {
            // A table is as wide as its widest cell, and a timestamp on a whole second has no fraction: the two sides'
            // own creation times can make their tables differ in padding alone.
            return normalized.Contains("<timestamp>", StringComparison.Ordinal) && normalized.StartsWith('-')
                ? Padding().Replace(normalized, " ")
                : normalized;
        }

        // v1 prints timestamps as epoch seconds, unquoted; table columns are as wide as their widest value, so padding is ignored.
        return Padding().Replace(EpochTimestamp().Replace(normalized, "<timestamp>"), " ");
    }

    // Usage errors name the program (aws / dotnet ecr) in their usage lines; only the error itself is compared.
    private string NormalizeError(string text)
    {
        var normalized = Normalize(text);
        var usage = normalized.IndexOf("usage:", StringComparison.Ordinal);
        if (usage < 0)
        {
            return normalized.TrimEnd();
        }

        var lines = normalized.TrimEnd().Split('\n');
        return lines[^1].Replace("aws: error:", "dotnet ecr: error:", StringComparison.Ordinal);
    }

    /// <summary>The child environment: key "testing"/"testing" in us-east-1, no profile files, UTC.</summary>
    public static Dictionary<string, string?> Environment() => new()
    {
        ["AWS_ACCESS_KEY_ID"] = "testing",
        ["AWS_SECRET_ACCESS_KEY"] = "testing",
        ["AWS_SESSION_TOKEN"] = null,
        ["AWS_DEFAULT_REGION"] = "us-east-1",
        ["AWS_REGION"] = null,
        ["AWS_PROFILE"] = null,
        ["AWS_DEFAULT_OUTPUT"] = null,
        ["AWS_CONFIG_FILE"] = "/nonexistent/aws-config",
        ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/aws-credentials",
        ["AWS_PAGER"] = "",
        ["TZ"] = "UTC",
    };

    [GeneratedRegex(@"""?\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?[+-]\d{2}:\d{2}""?")]
    private static partial Regex IsoTimestamp();

    // Epoch seconds of this century's timestamps: ten digits from 1000000000 (2001) on, with optional fraction.
    [GeneratedRegex(@"\b1\d{9}(\.\d+)?\b")]
    private static partial Regex EpochTimestamp();

    [GeneratedRegex(@"[ \-]+")]
    private static partial Regex Padding();
}
