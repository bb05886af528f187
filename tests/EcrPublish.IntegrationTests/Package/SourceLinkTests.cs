using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Package;

/// <summary>
/// A release build (origin on GitHub) maps every source file to the commit on GitHub through SourceLink in the PDB
/// embedded in the DLL, so a debugger steps into EcrPublish's code from the package alone. The test checkout has
/// no GitHub origin, so this builds a clone that has one.
/// </summary>
public sealed class SourceLinkTests
{
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    [Fact]
    public async Task A_build_from_a_GitHub_clone_embeds_a_pdb_that_maps_sources_to_the_commit()
    {
        var clone = Path.Combine(Path.GetTempPath(), "ecrpub-sourcelink-" + Guid.NewGuid().ToString("N"));
        try
        {
            (await ProcessRunner.RunAsync("git", ["clone", "--quiet", "--no-hardlinks", RepositoryRoot.Path, clone], timeout: TimeSpan.FromMinutes(2))).EnsureSuccess();
            (await ProcessRunner.RunAsync("git", ["-C", clone, "remote", "set-url", "origin", "https://github.com/ecrpublish/ecrpublish"], timeout: TimeSpan.FromMinutes(1))).EnsureSuccess();
            var commit = (await ProcessRunner.RunAsync("git", ["-C", clone, "rev-parse", "HEAD"], timeout: TimeSpan.FromMinutes(1))).EnsureSuccess().StandardOutput.Trim();
            // The smallest project: the OCI types have no package references, so restore needs no feed.
            (await ProcessRunner.RunAsync(
                "dotnet",
                ["build", Path.Combine(clone, "src", "EcrPublish.Oci", "EcrPublish.Oci.csproj"), "-c", "Release", "-nodeReuse:false", "-p:ContinuousIntegrationBuild=true"],
                timeout: TimeSpan.FromMinutes(5))).EnsureSuccess();

            var dll = Path.Combine(clone, "src", "EcrPublish.Oci", "bin", "Release", "net8.0", "EcrPublish.Oci.dll");
            Assert.False(File.Exists(Path.ChangeExtension(dll, ".pdb")), "the PDB belongs inside the DLL");
            var sourceLink = JsonDocument.Parse(ReadSourceLink(dll)).RootElement.GetProperty("documents");
            var mapping = Assert.Single(sourceLink.EnumerateObject());
            Assert.Equal($"https://raw.githubusercontent.com/ecrpublish/ecrpublish/{commit}/*", mapping.Value.GetString());
        }
        finally
        {
            if (Directory.Exists(clone))
            {
                Directory.Delete(clone, recursive: true);
            }
        }
    }

    private static string ReadSourceLink(string dll)
    {
        using var pe = new PEReader(File.OpenRead(dll));
        var embedded = Assert.Single(pe.ReadDebugDirectory(), entry => entry.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
        using var pdbProvider = pe.ReadEmbeddedPortablePdbDebugDirectoryData(embedded);
        var pdb = pdbProvider.GetMetadataReader();
        var handle = pdb.GetCustomDebugInformation(EntityHandle.ModuleDefinition)
            .Single(information => pdb.GetGuid(pdb.GetCustomDebugInformation(information).Kind) == SourceLinkKind);
        return System.Text.Encoding.UTF8.GetString(pdb.GetBlobBytes(pdb.GetCustomDebugInformation(handle).Value));
    }
}
