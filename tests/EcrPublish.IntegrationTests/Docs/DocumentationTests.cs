using System.Text.RegularExpressions;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Docs;

/// <summary>
/// The documentation cannot drift from the product: every error code the code can raise is documented and every
/// documented code exists; every property the targets read is in the README and every property the README names is real.
/// </summary>
public sealed partial class DocumentationTests
{
    // Names the README describes that the targets write rather than read (the task's outputs come from the contract table).
    private static readonly string[] ReadmeOnlyNames =
        ["EcrPublish", "EcrImageTag", "EcrGitSha", "EcrGitBranch", "EcrGitTag", "EcrGitCommitTime", "EcrCiProvider",
         "EcrRules", "EcrRuleVectors"]; // the last two: code names in the README's layout section

    private static readonly string Root = RepositoryRoot.Path;

    [Fact]
    public void Every_error_code_in_the_code_is_documented_and_every_documented_code_exists()
    {
        var inCode = Codes(Directory.EnumerateFiles(Path.Combine(Root, "src"), "*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".targets", StringComparison.Ordinal) || path.EndsWith(".props", StringComparison.Ordinal))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)), CodePattern());
        var documented = Codes([Path.Combine(Root, "docs", "errors.md"), .. Directory.GetFiles(Path.Combine(Root, "docs", "errors"), "*.md")], TableRowCodePattern());

        Assert.Empty(inCode.Except(documented).Order(StringComparer.Ordinal));
        Assert.Empty(documented.Except(inCode).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_area_page_of_the_error_index_is_linked_from_it()
    {
        var index = File.ReadAllText(Path.Combine(Root, "docs", "errors.md"));

        Assert.All(Directory.GetFiles(Path.Combine(Root, "docs", "errors"), "*.md"),
            page => Assert.Contains($"(errors/{Path.GetFileName(page)})", index, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_property_the_targets_read_is_in_the_README_and_every_property_it_names_is_real()
    {
        var targets = string.Concat(Directory.GetFiles(Path.Combine(Root, "src", "EcrPublish.Tasks", "build")).Select(File.ReadAllText));
        var read = TargetsReferencePattern().Matches(targets).Select(match => match.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var named = ReadmeNamePattern().Matches(readme).Select(match => match.Value).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(read.Except(named).Order(StringComparer.Ordinal));
        Assert.Empty(named.Except(read).Except(ReadmeOnlyNames).Except(TaskOutputNames()).Order(StringComparer.Ordinal));
    }

    private static HashSet<string> Codes(IEnumerable<string> files, Regex pattern) =>
        files.SelectMany(file => pattern.Matches(File.ReadAllText(file)).Select(match => match.Groups["code"].Value)).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"(?<code>ECR\d{4})")]
    private static partial Regex CodePattern();

    // A code documented in a table: the row's first cell ('| ECR1234 |'), not a range in the index.
    [GeneratedRegex(@"^\|\s*(?<code>ECR\d{4})\s*\|", RegexOptions.Multiline)]
    private static partial Regex TableRowCodePattern();

    // $(EcrX) and @(EcrX) in the targets: what users can set. Names starting with an underscore are private.
    [GeneratedRegex(@"[$@]\((?<name>Ecr[A-Za-z]+)[)\-]")]
    private static partial Regex TargetsReferencePattern();

    [GeneratedRegex(@"\bEcr[A-Z][A-Za-z]*")]
    private static partial Regex ReadmeNamePattern();

    // The task's outputs, as the contract table declares them.
    private static IEnumerable<string> TaskOutputNames() =>
        System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "src", "EcrPublish.Tasks", "Contract", "settings.json")))!["outputs"]!
            .AsArray().Select(output => (string)output!["name"]!);
}
