using System.Text.Json;
using Xunit;

namespace EcrPublish.Core.Tests.Architecture;

/// <summary>
/// LocalEcr ships only what it uses: ECR's rules and lifecycle, not the publish pipeline's git and Docker clients.
/// Its own deps.json (copied beside this test assembly with the LocalEcr build output) lists what its output folder holds.
/// </summary>
public class LocalEcrDependencyTests
{
    private static readonly string[] Forbidden = ["LibGit2Sharp", "Docker.DotNet"];

    [Fact]
    public void LocalEcr_output_holds_no_git_or_Docker_client()
    {
        var libraries = LibrariesOf("EcrPublish.LocalEcr.deps.json");

        // The file is LocalEcr's own and lists its project references: a wrong or empty file cannot pass.
        Assert.Contains(libraries, library => library.StartsWith("EcrPublish.Ecr/", StringComparison.Ordinal));
        Assert.DoesNotContain(libraries, library => Forbidden.Any(name => library.StartsWith(name, StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(libraries, library => library.StartsWith("EcrPublish.Publishing/", StringComparison.Ordinal));
    }

    private static List<string> LibrariesOf(string depsFile)
    {
        var path = Path.Combine(AppContext.BaseDirectory, depsFile);
        Assert.True(File.Exists(path), $"{path} is missing: the test project must reference LocalEcr (through the CLI) so its deps.json is copied here");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return [.. document.RootElement.GetProperty("libraries").EnumerateObject().Select(library => library.Name)];
    }
}
