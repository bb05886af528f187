using EcrPublish.Docker;
using EcrPublish.FileSystem;
using EcrPublish.Images;
using Xunit;

namespace EcrPublish.Core.Tests.FileSystem;

/// <summary>What EcrPublish spools to disk (Docker build contexts, layers being written) is readable by its owner only.</summary>
public sealed class OwnerOnlyTemporaryFilesTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ecrpub-owner-only-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public void The_docker_build_context_file_is_owner_only_and_removed_when_closed()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        string path;
        using (var context = DockerImageBuilder.CreateContextFile())
        {
            path = context.Name;
            Assert.StartsWith(Path.GetTempPath(), path, StringComparison.Ordinal);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        Assert.False(File.Exists(path));
    }

    [Fact]
    public void A_new_layer_cache_is_owner_only_and_its_temporary_folder_is_made_so_even_in_an_existing_cache()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var fresh = new LayerCache(Path.Combine(_root, "fresh", "layers"));
        Directory.CreateDirectory(Path.Combine(_root, "shared", "tmp"));
        File.SetUnixFileMode(Path.Combine(_root, "shared", "tmp"), (UnixFileMode)0b111_111_111);
        var shared = new LayerCache(Path.Combine(_root, "shared"));

        foreach (var directory in new[] { fresh.Directory, Path.Combine(fresh.Directory, "blobs", "sha256"), Path.Combine(fresh.Directory, "diffids"), Path.Combine(fresh.Directory, "tmp") })
        {
            Assert.Equal(OwnerOnlyFiles.PrivateDirectoryMode, File.GetUnixFileMode(directory));
        }

        Assert.Equal(OwnerOnlyFiles.PrivateDirectoryMode, File.GetUnixFileMode(Path.Combine(shared.Directory, "tmp")));
    }

    [Fact]
    public void A_file_created_owner_only_has_mode_0600_whatever_the_umask_allows()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        Directory.CreateDirectory(_root);
        var path = Path.Combine(_root, "secret");
        using (var file = OwnerOnlyFiles.CreateFile(path))
        {
            file.WriteByte(1);
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Throws<IOException>(() => OwnerOnlyFiles.CreateFile(path).Dispose());
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
