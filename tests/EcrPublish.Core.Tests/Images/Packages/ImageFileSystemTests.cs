using EcrPublish.Core.Tests.SupplyChain;
using EcrPublish.Images.Packages;
using Xunit;

namespace EcrPublish.Core.Tests.Images.Packages;

/// <summary>Layers stack as the filesystem does (later files win, whiteouts delete), and apk's database is read.</summary>
public sealed class ImageFileSystemTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("layers").FullName;

    [Fact]
    public void A_whiteout_in_a_later_layer_removes_the_database_and_an_opaque_folder_everything_below_it()
    {
        var lower = Layer("lower", ("var/lib/dpkg/status", "Package: zlib1g\nStatus: install ok installed\nVersion: 1\n"), ("usr/share/doc/a/copyright", "x"));
        var upper = Layer("upper", ("var/lib/dpkg/.wh.status", ""), ("usr/share/doc/.wh..wh..opq", ""), ("usr/share/doc/b", "y"));

        var image = ImageFileSystem.Read([lower, upper], path => OsPackageDatabase.ManagerOf(path) is not null);

        Assert.Empty(image.Texts);
        Assert.DoesNotContain("usr/share/doc/a/copyright", image.Paths);
        Assert.Contains("usr/share/doc/b", image.Paths);
        Assert.Single(ImageFileSystem.Read([lower], path => OsPackageDatabase.ManagerOf(path) is not null).Texts);
    }

    [Fact]
    public void Apk_installed_gives_name_version_architecture_origin_and_license()
    {
        // The layout apk-tools writes (apk-tools' database format: one stanza per package, single-letter keys).
        var packages = OsPackageDatabase.Apk("C:Q1sC3UkCvqBr2BnhDSmC6FqQT+yBk=\nP:musl\nV:1.2.5-r0\nA:x86_64\nS:411113\nI:667648\nT:the musl c library\nL:MIT\no:musl\nm:Natanael Copa\nt:1712259447\n\n"
            + "P:busybox\nV:1.36.1-r29\nA:x86_64\nL:GPL-2.0-only\no:busybox\n").ToList();

        Assert.Equal(
            [new OsPackage(OsPackageManager.Apk, "musl", "1.2.5-r0", "x86_64", "musl", null, "MIT"), new OsPackage(OsPackageManager.Apk, "busybox", "1.36.1-r29", "x86_64", "busybox", null, "GPL-2.0-only")],
            packages);
        Assert.Equal("pkg:apk/alpine/musl@1.2.5-r0?arch=x86_64&distro=alpine-3.20.3",
            EcrPublish.SupplyChain.PackageUrl.OsPackage(packages[0], new OsRelease("alpine", "3.20.3", null)));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Layer(string name, params (string Path, string Text)[] files)
    {
        var path = Path.Combine(_directory, name);
        SbomTestImage.WriteLayer(path, files.Select(file => (file.Path, System.Text.Encoding.UTF8.GetBytes(file.Text))));
        return path;
    }
}
