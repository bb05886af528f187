using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using EcrPublish.LocalEcr.Scanning;

namespace EcrPublish.LocalEcr.Tests;

/// <summary>Version ordering, package database readers and OSV matching of LocalEcr's basic scanner.</summary>
public sealed class ScannerPartsTests
{
    [Theory]
    [InlineData("1:1.2.13.dfsg-1", "1.2.14", 1)]
    [InlineData("1.2.13.dfsg-1", "1.2.13.dfsg-2", -1)]
    [InlineData("1.0~rc1-1", "1.0-1", -1)]
    [InlineData("1.0-1", "1.0+deb12u1-1", -1)]
    [InlineData("72.1-3+deb12u1", "72.1-4", -1)]
    [InlineData("72.1-3+deb12u1", "72.1-3", 1)]
    [InlineData("3.0.15-1~deb12u1", "3.0.15-1", -1)]
    [InlineData("1.10", "1.9", 1)]
    [InlineData("1.01", "1.1", 0)]
    [InlineData("1.0a", "1.0+", -1)]
    [InlineData("1.2.5-r0", "1.2.5-r1", -1)]
    public void Debian_versions_order_like_dpkg(string left, string right, int expected) =>
        Assert.Equal(expected, Math.Sign(DebianVersionComparer.Instance.Compare(left, right)));

    [Theory]
    [InlineData("13.0.1", "13.0.3", -1)]
    [InlineData("1.0.0-beta", "1.0.0", -1)]
    [InlineData("1.0.0-alpha.2", "1.0.0-alpha.10", -1)]
    [InlineData("1.0.0-alpha.1", "1.0.0-alpha", 1)]
    [InlineData("1.0.0-ALPHA", "1.0.0-alpha", 0)]
    [InlineData("1.0.0+build.5", "1.0.0", 0)]
    [InlineData("2.0", "2.0.0.0", 0)]
    [InlineData("10.0.0", "9.9.9", 1)]
    public void NuGet_versions_order_like_semver(string left, string right, int expected) =>
        Assert.Equal(expected, Math.Sign(NuGetVersionComparer.Instance.Compare(left, right)));

    [Fact]
    public void Dpkg_status_gives_installed_packages_with_their_source()
    {
        var packages = PackageDatabaseReader.Dpkg("""
            Package: zlib1g
            Status: install ok installed
            Source: zlib
            Version: 1:1.2.13.dfsg-1
            Description: compression library
             a continuation line: with a colon

            Package: gone
            Status: deinstall ok config-files
            Version: 1.0

            Package: libssl3
            Status: install ok installed
            Source: openssl (3.0.15-1~deb12u1)
            Version: 3.0.15-1~deb12u1+b1
            """).ToList();
        Assert.Equal(
            [new InstalledPackage(PackageEcosystem.Debian, "zlib1g", "zlib", "1:1.2.13.dfsg-1"), new InstalledPackage(PackageEcosystem.Debian, "libssl3", "openssl", "3.0.15-1~deb12u1+b1")],
            packages);
    }

    [Fact]
    public void Layers_are_read_in_order_and_each_layer_is_decompressed_once()
    {
        var directory = Directory.CreateTempSubdirectory("layers").FullName;
        try
        {
            var older = GzipLayer(directory, "Package: zlib1g\nStatus: install ok installed\nVersion: 1:1.2.13.dfsg-1\n");
            var newer = GzipLayer(directory, "Package: zlib1g\nStatus: install ok installed\nVersion: 1:1.3.dfsg-3\n");

            var first = ImagePackageReader.Read([older, newer]);
            File.Delete(older);
            File.Delete(newer);
            var again = ImagePackageReader.Read([older, newer]);

            // The later layer's status file replaces the earlier one's, as the filesystem stacks them.
            Assert.Equal([new InstalledPackage(PackageEcosystem.Debian, "zlib1g", null, "1:1.3.dfsg-3")], first);
            // The files are gone: the second scan came from what the first read (layers never change under their digest).
            Assert.Equal(first, again);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string GzipLayer(string directory, string dpkgStatus)
    {
        var path = Path.Combine(directory, Guid.NewGuid().ToString("N"));
        using (var file = File.Create(path))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, "var/lib/dpkg/status")
            {
                DataStream = new MemoryStream(Encoding.UTF8.GetBytes(dpkgStatus)),
            };
            tar.WriteEntry(entry);
        }

        return path;
    }

    [Fact]
    public void Apk_installed_and_deps_json_are_read()
    {
        var apk = PackageDatabaseReader.Apk("C:Q1abc=\nP:musl\nV:1.2.5-r0\no:musl\n\nP:busybox\nV:1.36.1-r29\n").ToList();
        Assert.Equal([new InstalledPackage(PackageEcosystem.Alpine, "musl", "musl", "1.2.5-r0"), new InstalledPackage(PackageEcosystem.Alpine, "busybox", null, "1.36.1-r29")], apk);

        var deps = PackageDatabaseReader.DepsJson("""
            {"libraries":{
              "HelloApi/1.0.0":{"type":"project"},
              "Newtonsoft.Json/12.0.3":{"type":"package","sha512":"x"},
              "Serilog/4.0.0-dev-1":{"type":"package"}}}
            """).ToList();
        Assert.Equal([new InstalledPackage(PackageEcosystem.NuGet, "Newtonsoft.Json", null, "12.0.3"), new InstalledPackage(PackageEcosystem.NuGet, "Serilog", null, "4.0.0-dev-1")], deps);
        Assert.Empty(PackageDatabaseReader.DepsJson("not json"));
    }

    [Fact]
    public void The_test_feed_matches_by_ecosystem_name_and_range()
    {
        var feed = OsvFeed.Load(Path.Combine(AppContext.BaseDirectory, "VulnDb"));
        Assert.Equal(5, feed.Advisories.Count);
        Assert.Equal("MEDIUM", feed.Advisories.Single(advisory => advisory.PackageName == "icu").Severity);

        InstalledPackage[] packages =
        [
            new(PackageEcosystem.Debian, "zlib1g", "zlib", "1:1.2.13.dfsg-1"),
            new(PackageEcosystem.Debian, "libicu72", "icu", "72.1-3+deb12u1"),
            new(PackageEcosystem.Debian, "libssl3", "openssl", "3.0.15-1~deb12u1"),
            new(PackageEcosystem.Alpine, "musl", "musl", "1.2.5-r0"),
            new(PackageEcosystem.NuGet, "newtonsoft.json", null, "12.0.3"),
            new(PackageEcosystem.NuGet, "Newtonsoft.Json", null, "13.0.3"),
            new(PackageEcosystem.Debian, "musl", null, "1.2.5-r0"),
        ];
        var findings = VulnerabilityMatcher.Match(packages, feed);
        Assert.Equal(
            ["LOCALECR-TEST-2026-0001/zlib1g", "LOCALECR-TEST-2026-0002/libicu72", "LOCALECR-TEST-2026-0004/musl", "LOCALECR-TEST-2026-0005/newtonsoft.json"],
            findings.Select(finding => $"{finding.Name}/{finding.PackageName}"));
    }

    [Fact]
    public void A_missing_or_broken_feed_is_ECR5005()
    {
        Assert.Equal("ECR5005", Assert.Throws<LocalEcrException>(() => OsvFeed.Load("/nonexistent/vulndb")).Code);
        var directory = Directory.CreateTempSubdirectory("vulndb-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "bad.json"), """{"summary":"no id"}""");
            Assert.Equal("ECR5005", Assert.Throws<LocalEcrException>(() => OsvFeed.Load(directory)).Code);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
