using System.IO.Compression;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace EcrPublish.IntegrationTests.Package;

/// <summary>Checks the nupkg layout that native LibGit2Sharp loading and dependency privacy depend on.</summary>
public sealed class PackageLayoutTests(PackageFixture package) : IClassFixture<PackageFixture>
{
    private List<string> Entries()
    {
        using var archive = ZipFile.OpenRead(package.PackagePath);
        return [.. archive.Entries.Select(entry => entry.FullName)];
    }

    private string ReadEntry(string name)
    {
        using var archive = ZipFile.OpenRead(package.PackagePath);
        using var reader = new StreamReader(archive.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    [Fact]
    public void Tasks_ship_as_publish_output_with_deps_json_and_native_libgit2()
    {
        var entries = Entries();

        Assert.Contains("build/EcrPublish.props", entries);
        Assert.Contains("build/EcrPublish.targets", entries);
        Assert.Contains("buildMultiTargeting/EcrPublish.targets", entries);
        Assert.Contains("tasks/net8.0/EcrPublish.Tasks.dll", entries);
        // Without the deps.json MSBuild's load context cannot find runtimes/<rid>/native (DllNotFoundException).
        Assert.Contains("tasks/net8.0/EcrPublish.Tasks.deps.json", entries);
        Assert.Contains("tasks/net8.0/LibGit2Sharp.dll", entries);
        Assert.Contains(entries, entry => entry.StartsWith("tasks/net8.0/runtimes/linux-x64/native/libgit2-", StringComparison.Ordinal));
        Assert.Contains(entries, entry => entry.StartsWith("tasks/net8.0/runtimes/linux-musl-arm64/native/libgit2-", StringComparison.Ordinal));
        Assert.Contains(entries, entry => entry.StartsWith("tasks/net8.0/runtimes/win-x64/native/git2-", StringComparison.Ordinal));
        Assert.Contains(entries, entry => entry.StartsWith("tasks/net8.0/runtimes/osx-arm64/native/libgit2-", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_assembly_the_tasks_load_ships_beside_them()
    {
        var entries = Entries();
        using var deps = JsonDocument.Parse(ReadEntry("tasks/net8.0/EcrPublish.Tasks.deps.json"));
        var target = deps.RootElement.GetProperty("targets").EnumerateObject().Single().Value;
        var assemblies = target.EnumerateObject()
            .Where(library => library.Value.TryGetProperty("runtime", out _))
            .SelectMany(library => library.Value.GetProperty("runtime").EnumerateObject().Select(asset => Path.GetFileName(asset.Name)))
            .ToList();

        // Core was split by consumer: the tasks load Publishing, which loads Ecr and Oci; a missing one fails at task load.
        Assert.Contains("EcrPublish.Publishing.dll", assemblies);
        Assert.Contains("EcrPublish.Ecr.dll", assemblies);
        Assert.Contains("EcrPublish.Oci.dll", assemblies);
        Assert.All(assemblies, assembly => Assert.Contains("tasks/net8.0/" + assembly, entries));
    }

    [Fact]
    public void The_tasks_folder_holds_only_what_the_tasks_load()
    {
        using var deps = JsonDocument.Parse(ReadEntry("tasks/net8.0/EcrPublish.Tasks.deps.json"));
        var target = deps.RootElement.GetProperty("targets").EnumerateObject().Single().Value;
        var assets = target.EnumerateObject()
            .SelectMany(library => new[] { "runtime", "native", "runtimeTargets" }
                .Where(kind => library.Value.TryGetProperty(kind, out _))
                .SelectMany(kind => library.Value.GetProperty(kind).EnumerateObject().Select(asset => asset.Name)))
            .Select(asset => "tasks/net8.0/" + (asset.StartsWith("runtimes/", StringComparison.Ordinal) ? asset : Path.GetFileName(asset)))
            .Append("tasks/net8.0/EcrPublish.Tasks.deps.json")
            .ToHashSet(StringComparer.Ordinal);

        // No XML docs, loose PDBs or files nothing loads: every byte here is downloaded by every consumer.
        Assert.All(Entries().Where(entry => entry.StartsWith("tasks/", StringComparison.Ordinal)), entry => Assert.Contains(entry, assets));
    }

    [Fact]
    public void The_package_has_its_readme_and_names_its_source()
    {
        using var archive = ZipFile.OpenRead(package.PackagePath);
        using var nuspecStream = archive.GetEntry("EcrPublish.nuspec")!.Open();
        var metadata = XDocument.Load(nuspecStream).Root!.Elements().Single(element => element.Name.LocalName == "metadata");

        var readme = metadata.Elements().Single(element => element.Name.LocalName == "readme").Value;
        Assert.Contains(readme, Entries());
        Assert.Contains("dotnet publish -p:PublishToEcr=true", ReadEntry(readme), StringComparison.Ordinal);
        var repository = metadata.Elements().Single(element => element.Name.LocalName == "repository");
        Assert.Equal("https://github.com/ecrpublish/ecrpublish", repository.Attribute("url")?.Value);
        Assert.Matches("^[0-9a-f]{40}$", repository.Attribute("commit")?.Value ?? string.Empty);
    }

    [Fact]
    public void Every_task_assembly_of_ours_carries_its_pdb_inside()
    {
        using var archive = ZipFile.OpenRead(package.PackagePath);
        var ours = archive.Entries.Where(entry => entry.FullName.StartsWith("tasks/net8.0/EcrPublish.", StringComparison.Ordinal) && entry.FullName.EndsWith(".dll", StringComparison.Ordinal)).ToList();

        Assert.Equal(4, ours.Count);
        foreach (var entry in ours)
        {
            using var copy = new MemoryStream();
            using (var stream = entry.Open())
            {
                stream.CopyTo(copy);
            }

            copy.Position = 0;
            using var pe = new PEReader(copy);
            Assert.Contains(pe.ReadDebugDirectory(), debug => debug.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
        }
    }

    [Fact]
    public void Every_targets_file_the_entry_point_imports_ships_beside_it()
    {
        var entries = Entries();
        var imports = Regex.Matches(ReadEntry("build/EcrPublish.targets"), @"<Import Project=""\$\(MSBuildThisFileDirectory\)([^""]+)""")
            .Select(match => "build/" + match.Groups[1].Value)
            .ToList();

        // The targets are split by concern; a file left out of the pack would fail every consumer's evaluation.
        Assert.Equal(
            ["build/EcrPublish.TaskHosting.targets", "build/EcrPublish.MultiArch.targets", "build/EcrPublish.ImageDefaults.targets", "build/EcrPublish.DotnetCliChild.targets"],
            imports);
        Assert.All(imports, import => Assert.Contains(import, entries));
    }

    [Fact]
    public void Package_leaks_nothing_into_the_consumer()
    {
        var entries = Entries();

        Assert.DoesNotContain(entries, entry => entry.StartsWith("lib/", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, entry => entry.StartsWith("buildTransitive/", StringComparison.Ordinal));
        // MSBuild always loads its own copies; shipping them would only add conflicts.
        Assert.DoesNotContain(entries, entry => entry.Contains("/Microsoft.Build", StringComparison.Ordinal));

        using var archive = ZipFile.OpenRead(package.PackagePath);
        using var nuspecStream = archive.GetEntry("EcrPublish.nuspec")!.Open();
        var metadata = XDocument.Load(nuspecStream).Root!.Elements().Single(element => element.Name.LocalName == "metadata");
        Assert.Equal("true", metadata.Elements().Single(element => element.Name.LocalName == "developmentDependency").Value);
        Assert.DoesNotContain(metadata.Elements(), element => element.Name.LocalName == "dependencies");
    }

    [Fact]
    public void No_task_parameter_or_property_carries_a_credential()
    {
        var targets = string.Concat(
            Entries().Where(entry => entry.StartsWith("build", StringComparison.Ordinal) && Path.GetExtension(entry) is ".targets" or ".props").Select(ReadEntry));

        // MSBuild logs every task parameter and property into binlogs, so secrets must never travel that way.
        var parameterNames = Regex.Matches(targets, @"\s([A-Za-z]+)=""").Select(match => match.Groups[1].Value);
        var propertyNames = Regex.Matches(targets, @"\$\(([A-Za-z_]+)").Select(match => match.Groups[1].Value);
        Assert.DoesNotContain(
            parameterNames.Concat(propertyNames),
            name => Regex.IsMatch(name, "password|secret|token|credential|accesskey|sessionkey", RegexOptions.IgnoreCase));
    }
}
