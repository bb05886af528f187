using System.Formats.Tar;
using System.Text;
using EcrPublish.Images;
using Xunit;

namespace EcrPublish.Core.Tests.Images;

public sealed class TarLayerWriterTests : IDisposable
{
    private static readonly DateTimeOffset Time = TarLayers.Time;
    private readonly TempDirectory _temp = new();

    [Fact]
    public void Same_files_give_identical_bytes_whatever_the_input_order_and_file_times()
    {
        var a = _temp.Write("a.dll", "A");
        var b = _temp.Write("sub/b.json", "B");
        var first = TarLayers.Write([new LayerFile(a, "/app/a.dll"), new LayerFile(b, "/app/sub/b.json")]);
        File.SetLastWriteTimeUtc(a, DateTime.UtcNow.AddDays(-3));
        var second = TarLayers.Write([new LayerFile(b, "/app/sub/b.json"), new LayerFile(a, "/app/a.dll")]);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Entries_are_sorted_with_explicit_parent_directories()
    {
        var file = _temp.Write("x", "x");
        var names = TarLayerWriter.EntryNames([
            new LayerFile(file, "/app/z/deep/file.txt"),
            new LayerFile(file, "/app/a.dll"),
            new LayerFile(file, "/app/z-file"),
        ]);

        Assert.Equal(["app/", "app/a.dll", "app/z-file", "app/z/", "app/z/deep/", "app/z/deep/file.txt"], names);
    }

    [Fact]
    public void Owners_modes_and_times_are_fixed_and_the_execute_bit_is_kept()
    {
        var plain = _temp.Write("plain.json", "{}", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherWrite);
        var tool = _temp.Write("tool", "#!/bin/sh", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var entries = TarLayers.Read(TarLayers.Write([new LayerFile(plain, "/app/plain.json"), new LayerFile(tool, "/app/tool"), new LayerFile(plain, "/app/forced", Executable: true)]));

        Assert.All(entries, entry =>
        {
            Assert.Equal(0, entry.Uid);
            Assert.Equal(0, entry.Gid);
            Assert.Equal("", ((PosixTarEntry)entry).UserName);
            Assert.Equal("", ((PosixTarEntry)entry).GroupName);
            Assert.Equal(Time, entry.ModificationTime);
        });
        const UnixFileMode rwxrxrx = (UnixFileMode)0b111_101_101;
        Assert.Equal(rwxrxrx, entries.Single(e => e.Name == "app/").Mode);
        Assert.Equal((UnixFileMode)0b110_100_100, entries.Single(e => e.Name == "app/plain.json").Mode);
        Assert.Equal(rwxrxrx, entries.Single(e => e.Name == "app/tool").Mode);
        Assert.Equal(rwxrxrx, entries.Single(e => e.Name == "app/forced").Mode);
    }

    [Fact]
    public void Long_and_non_ascii_names_survive_through_a_fixed_name_pax_header()
    {
        var file = _temp.Write("f", "content");
        var longName = "/app/" + string.Join('/', Enumerable.Repeat("a-directory-name-of-some-length", 5)) + "/file.dll";
        var unicode = "/app/wwwroot/ünïcødé/日本語.txt";

        var bytes = TarLayers.Write([new LayerFile(file, longName), new LayerFile(file, unicode)]);
        var names = TarLayers.Read(bytes).Select(entry => entry.Name).ToList();

        Assert.Contains(longName.TrimStart('/'), names);
        Assert.Contains(unicode.TrimStart('/'), names);
        Assert.True(longName.Length > 100);
        var text = Encoding.ASCII.GetString(bytes);
        Assert.DoesNotContain("PaxHeaders." + Environment.ProcessId, text, StringComparison.Ordinal);
        Assert.Equal(bytes, TarLayers.Write([new LayerFile(file, unicode), new LayerFile(file, longName)]));
    }

    [Fact]
    public void File_contents_are_written_exactly()
    {
        var content = new byte[1500];
        new Random(3).NextBytes(content);
        var path = Path.Combine(_temp.Path, "blob.bin");
        File.WriteAllBytes(path, content);

        var entry = TarLayers.Read(TarLayers.Write([new LayerFile(path, "/app/blob.bin")])).Single(e => e.EntryType == TarEntryType.RegularFile);
        using var data = new MemoryStream();
        entry.DataStream!.CopyTo(data);

        Assert.Equal(content, data.ToArray());
    }

    [Fact]
    public void A_path_given_twice_is_rejected()
    {
        var file = _temp.Write("f", "f");

        var exception = Assert.Throws<ImageBuildException>(() => TarLayers.Write([new LayerFile(file, "/app/f"), new LayerFile(file, "/app/f")]));

        Assert.Equal(ImageErrorCodes.InvalidOption, exception.Code);
    }

    public void Dispose() => _temp.Dispose();
}
