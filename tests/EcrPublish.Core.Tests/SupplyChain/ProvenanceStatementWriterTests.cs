using System.Text;
using System.Text.Json;
using EcrPublish.SupplyChain;
using Xunit;

namespace EcrPublish.Core.Tests.SupplyChain;

/// <summary>The in-toto / SLSA provenance statement: its fields, its reproducibility, and what it must never carry.</summary>
public sealed class ProvenanceStatementWriterTests
{
    private const string Digest = "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string BaseDigest = "sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    // A CI job's environment as GitHub Actions sets it, with the secrets a workflow typically exports.
    private static readonly Dictionary<string, string?> s_gitHubEnvironment = new(StringComparer.Ordinal)
    {
        ["GITHUB_ACTIONS"] = "true",
        ["GITHUB_SERVER_URL"] = "https://github.com",
        ["GITHUB_REPOSITORY"] = "example/app",
        ["GITHUB_RUN_ID"] = "987654321",
        ["GITHUB_RUN_ATTEMPT"] = "2",
        ["GITHUB_RUN_NUMBER"] = "42",
        ["GITHUB_SHA"] = "0123456789abcdef0123456789abcdef01234567",
        ["GITHUB_TOKEN"] = "ghs_TOKENVALUE",
        ["AWS_ACCESS_KEY_ID"] = "AKIAEXAMPLEKEYID",
        ["AWS_SECRET_ACCESS_KEY"] = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        ["AWS_SESSION_TOKEN"] = "SESSIONTOKENVALUE",
        ["NUGET_API_KEY"] = "oy2NUGETKEY",
    };

    [Fact]
    public void The_statement_is_an_in_toto_v1_statement_with_a_slsa_v1_predicate()
    {
        var statement = JsonDocument.Parse(ProvenanceStatementWriter.Write(Inputs(CiRunReader.Read(s_gitHubEnvironment)))).RootElement;

        Assert.Equal("https://in-toto.io/Statement/v1", statement.GetProperty("_type").GetString());
        Assert.Equal("https://slsa.dev/provenance/v1", statement.GetProperty("predicateType").GetString());
        var subject = statement.GetProperty("subject")[0];
        Assert.Equal("127.0.0.1:5000/team/app", subject.GetProperty("name").GetString());
        Assert.Equal(new string('a', 64), subject.GetProperty("digest").GetProperty("sha256").GetString());

        var definition = statement.GetProperty("predicate").GetProperty("buildDefinition");
        Assert.Equal("https://github.com/ecrpublish/ecrpublish/buildtypes/dotnet-publish/v1", definition.GetProperty("buildType").GetString());
        var parameters = definition.GetProperty("externalParameters");
        Assert.Equal("src/App/App.csproj", parameters.GetProperty("project").GetString());
        Assert.Equal("Release", parameters.GetProperty("configuration").GetString());
        Assert.Equal(["linux-x64", "linux-arm64"], parameters.GetProperty("runtimeIdentifiers").EnumerateArray().Select(value => value.GetString()));
        Assert.Equal(["{version}", "git-{sha:7}"], parameters.GetProperty("tags").EnumerateArray().Select(value => value.GetString()));

        var dependencies = definition.GetProperty("resolvedDependencies");
        Assert.Equal("git+https://github.com/example/app.git@refs/heads/main", dependencies[0].GetProperty("uri").GetString());
        Assert.Equal("0123456789abcdef0123456789abcdef01234567", dependencies[0].GetProperty("digest").GetProperty("gitCommit").GetString());
        Assert.Equal(new string('b', 64), dependencies[1].GetProperty("digest").GetProperty("sha256").GetString());
        Assert.StartsWith("pkg:oci/aspnet@sha256%3Abbbb", dependencies[1].GetProperty("uri").GetString(), StringComparison.Ordinal);
        Assert.Equal("10.0.100", dependencies[3].GetProperty("annotations").GetProperty("version").GetString());

        var run = statement.GetProperty("predicate").GetProperty("runDetails");
        Assert.Equal("https://github.com/ecrpublish/ecrpublish@v1.0.0-test", run.GetProperty("builder").GetProperty("id").GetString());
        Assert.Equal("https://github.com/example/app/actions/runs/987654321/attempts/2", run.GetProperty("metadata").GetProperty("invocationId").GetString());
    }

    [Fact]
    public void The_same_inputs_give_the_same_bytes_and_only_the_ci_run_differs_between_runs()
    {
        var first = ProvenanceStatementWriter.Write(Inputs(CiRunReader.Read(s_gitHubEnvironment)));
        var again = ProvenanceStatementWriter.Write(Inputs(CiRunReader.Read(new Dictionary<string, string?>(s_gitHubEnvironment))));
        var otherRun = ProvenanceStatementWriter.Write(Inputs(CiRunReader.Read(new Dictionary<string, string?>(s_gitHubEnvironment) { ["GITHUB_RUN_ID"] = "987654322" })));
        var local = ProvenanceStatementWriter.Write(Inputs(null));

        Assert.Equal(first, again);
        Assert.NotEqual(first, otherRun);
        Assert.Equal(Encoding.UTF8.GetString(first).Replace("987654321", "987654322", StringComparison.Ordinal), Encoding.UTF8.GetString(otherRun));
        Assert.DoesNotContain("runDetails\": {\n      \"builder\": {}", Encoding.UTF8.GetString(local), StringComparison.Ordinal);
        Assert.DoesNotContain("invocationId", Encoding.UTF8.GetString(local), StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_in_the_environment_and_in_the_repository_url_never_reach_the_statement()
    {
        var text = Encoding.UTF8.GetString(ProvenanceStatementWriter.Write(Inputs(CiRunReader.Read(s_gitHubEnvironment))
            with { RepositoryUrl = "https://x-access-token:ghs_URLTOKEN@github.com/example/app.git" }));

        foreach (var secret in (string[])["ghs_TOKENVALUE", "AKIAEXAMPLEKEYID", "wJalrXUtnFEMI", "SESSIONTOKENVALUE", "oy2NUGETKEY", "ghs_URLTOKEN", "x-access-token"])
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        // The production reader asks the process for named CI variables only: no secret can be among them.
        Assert.DoesNotContain(CiRunReader.ReadProcessEnvironment().Keys,
            name => name.Contains("TOKEN", StringComparison.Ordinal) || name.Contains("SECRET", StringComparison.Ordinal) || name.Contains("KEY", StringComparison.Ordinal) || name.Contains("PASSWORD", StringComparison.Ordinal));
    }

    [Fact]
    public void A_statement_without_a_subject_or_with_a_bad_digest_is_a_coded_error()
    {
        Assert.Equal("ECR8006", Assert.Throws<SupplyChainException>(() => ProvenanceStatementWriter.Write(Inputs(null) with { Subjects = [] })).Code);
        Assert.Equal("ECR8003", Assert.Throws<SupplyChainException>(() => ProvenanceStatementWriter.Write(Inputs(null) with { Subjects = [new("x", "sha256:short")] })).Code);
    }

    private static ProvenanceInputs Inputs(CiRun? run) => new()
    {
        Subjects = [new ProvenanceSubject("127.0.0.1:5000/team/app", Digest)],
        ToolVersion = "1.0.0-test",
        Project = "src/App/App.csproj",
        Configuration = "Release",
        RuntimeIdentifiers = ["linux-x64", "linux-arm64"],
        TagTemplates = ["{version}", "git-{sha:7}"],
        Repository = "team/app",
        BaseImage = "mcr.microsoft.com/dotnet/aspnet:10.0",
        RepositoryUrl = "https://github.com/example/app.git",
        GitCommit = "0123456789abcdef0123456789abcdef01234567",
        GitBranch = "main",
        BaseImages = [new("mcr.microsoft.com/dotnet/aspnet:10.0", BaseDigest, "amd64"), new("mcr.microsoft.com/dotnet/aspnet:10.0", BaseDigest, "arm64")],
        SdkVersion = "10.0.100",
        CiRun = run,
    };
}
