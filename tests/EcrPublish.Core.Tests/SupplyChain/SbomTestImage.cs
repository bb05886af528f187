using System.Formats.Tar;
using System.Text;
using EcrPublish.Images;
using EcrPublish.SupplyChain;
using EcrPublish.Tagging;

namespace EcrPublish.Core.Tests.SupplyChain;

/// <summary>
/// A publish folder and a base image made of real files: the deps.json and runtimeconfig.json of a generated ASP.NET
/// Core app with 28 packages, and a Debian 12 minbase image's dpkg status and os-release (from build/env/base-image.sh),
/// written into a gzip layer with the framework folders an aspnet base image has.
/// </summary>
internal sealed class SbomTestImage : IDisposable
{
    public const string ManifestDigest = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    public const string ConfigDigest = "sha256:2222222222222222222222222222222222222222222222222222222222222222";
    public const string BaseDigest = "sha256:3333333333333333333333333333333333333333333333333333333333333333";

    public SbomTestImage()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("sbom").FullName;
        PublishDirectory = Path.Combine(Directory, "publish");
        System.IO.Directory.CreateDirectory(PublishDirectory);
        foreach (var name in (string[])["ManyPackagesApp.deps.json", "ManyPackagesApp.runtimeconfig.json"])
        {
            File.Copy(DataFile(name), Path.Combine(PublishDirectory, name));
        }

        BaseLayer = Path.Combine(Directory, "base-layer.tar.gz");
        WriteLayer(BaseLayer,
        [
            ("var/lib/dpkg/status", File.ReadAllBytes(DataFile("debian-12-minbase.dpkg-status"))),
            ("usr/lib/os-release", File.ReadAllBytes(DataFile("debian-12.os-release"))),
            ("usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/System.Private.CoreLib.dll", [1]),
            ("usr/share/dotnet/shared/Microsoft.NETCore.App/9.0.4/System.Private.CoreLib.dll", [1]),
            ("usr/share/dotnet/shared/Microsoft.AspNetCore.App/10.0.12/Microsoft.AspNetCore.dll", [1]),
        ]);
    }

    public string Directory { get; }

    public string PublishDirectory { get; }

    public string BaseLayer { get; }

    public static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "SupplyChain", "Data", name);

    /// <summary>A gzip tar layer with these regular files (and nothing else).</summary>
    public static void WriteLayer(string path, IEnumerable<(string Path, byte[] Content)> files)
    {
        using var file = File.Create(path);
        using var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
        foreach (var (name, content) in files)
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) });
        }
    }

    public static BaseImage Base(string environment = "\"PATH=/usr/bin\"") => new(
        ImageReference.Parse("127.0.0.1:5000/dotnet/aspnet:10.0"), BaseDigest, null,
        Encoding.UTF8.GetBytes($$$"""{"architecture":"amd64","os":"linux","config":{"Env":[{{{environment}}}]},"rootfs":{"type":"layers","diff_ids":[]}}"""));

    public SbomSources Sources(BaseImage? baseImage = null) => new()
    {
        PublishDirectory = PublishDirectory,
        Image = new SbomImage("team/many-packages-app", ManifestDigest, ConfigDigest, "linux", "amd64"),
        BaseImage = baseImage ?? Base(),
        BaseLayerFiles = [BaseLayer],
        Git = new GitFacts("0123456789abcdef0123456789abcdef01234567", null, "main", false, null, GitFactsSource.Repository),
        RepositoryUrl = "https://x-access-token:ghs_SECRETSECRET@github.com/example/many-packages-app.git",
        Created = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000),
        ToolVersion = "1.0.0-test",
    };

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
