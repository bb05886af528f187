using System.Formats.Tar;
using EcrPublish.Images;
using Xunit;

namespace EcrPublish.Core.Tests.Images;

/// <summary>
/// A link in the publish folder is stored as a link, never followed: nothing outside the folder gets into a layer,
/// a link loop adds one entry, and the layer is the same bytes on every build.
/// </summary>
public sealed class LayerSymbolicLinkTests : IDisposable
{
    private static readonly DateTimeOffset Time = TarLayers.Time;
    private readonly TempDirectory _temp = new();
    private readonly TempDirectory _outside = new();

    public LayerSymbolicLinkTests()
    {
        _temp.Write("App.deps.json", """{"runtimeTarget":{"name":".NETCoreApp,Version=v10.0"},"targets":{".NETCoreApp,Version=v10.0":{"App/1.0.0":{"runtime":{"App.dll":{}}}}},"libraries":{"App/1.0.0":{"type":"project"}}}""");
        _temp.Write("App.runtimeconfig.json", """{"runtimeOptions":{"framework":{"name":"Microsoft.NETCore.App","version":"10.0.0"}}}""");
        _temp.Write("App.dll", "app");
        _temp.Write("wwwroot/index.html", "<html/>");
        _outside.Write("secret.txt", "host secret");
    }

    [Fact]
    public void A_link_to_a_file_outside_the_publish_folder_is_refused()
    {
        File.CreateSymbolicLink(Path.Combine(_temp.Path, "config.txt"), Path.Combine(_outside.Path, "secret.txt"));

        var exception = Assert.Throws<ImageBuildException>(() => LayerPlanner.Plan(_temp.Path, "/app"));

        Assert.Equal(ImageErrorCodes.LinkLeavesPublishFolder, exception.Code);
        Assert.Contains("config.txt", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wwwroot/up", "../..")]
    [InlineData("wwwroot/etc", "/etc")]
    public void A_link_to_a_folder_outside_the_publish_folder_is_refused(string link, string target)
    {
        File.CreateSymbolicLink(Path.Combine(_temp.Path, link), target);

        var exception = Assert.Throws<ImageBuildException>(() => LayerPlanner.Plan(_temp.Path, "/app"));

        Assert.Equal(ImageErrorCodes.LinkLeavesPublishFolder, exception.Code);
    }

    [Fact]
    public void A_link_loop_is_one_link_entry_and_the_layer_is_reproducible()
    {
        File.CreateSymbolicLink(Path.Combine(_temp.Path, "wwwroot", "loop"), "..");
        File.CreateSymbolicLink(Path.Combine(_temp.Path, "appsettings.json"), "App.dll");

        var plan = LayerPlanner.Plan(_temp.Path, "/app");
        var files = plan.Layers.SelectMany(layer => layer.Files).ToList();
        var first = TarLayers.Write(files);
        var entries = TarLayers.Read(first);

        Assert.Equal(
            ["app/", "app/App.deps.json", "app/App.dll", "app/App.runtimeconfig.json", "app/appsettings.json", "app/wwwroot/", "app/wwwroot/index.html", "app/wwwroot/loop"],
            entries.Select(entry => entry.Name).Order(StringComparer.Ordinal));
        var loop = entries.Single(entry => entry.Name == "app/wwwroot/loop");
        Assert.Equal(TarEntryType.SymbolicLink, loop.EntryType);
        Assert.Equal("..", loop.LinkName);
        var settings = entries.Single(entry => entry.Name == "app/appsettings.json");
        Assert.Equal(TarEntryType.SymbolicLink, settings.EntryType);
        Assert.Equal("App.dll", settings.LinkName);
        Assert.Equal(first, TarLayers.Write(LayerPlanner.Plan(_temp.Path, "/app").Layers.SelectMany(layer => layer.Files)));
    }

    [Fact]
    public void An_absolute_link_inside_the_publish_folder_is_stored_relative_to_its_folder()
    {
        File.CreateSymbolicLink(Path.Combine(_temp.Path, "wwwroot", "app.dll"), Path.Combine(_temp.Path, "App.dll"));

        var files = LayerPlanner.Plan(_temp.Path, "/app").Layers.SelectMany(layer => layer.Files).ToList();

        Assert.Equal("../App.dll", files.Single(file => file.ContainerPath == "/app/wwwroot/app.dll").LinkTarget);
    }

    [Fact]
    public void A_long_non_ascii_link_target_survives_through_a_pax_header()
    {
        var target = string.Concat(Enumerable.Repeat("dossier-é/", 12)) + "fichier.txt";

        var entries = TarLayers.Read(TarLayers.Write([new LayerFile("unused", "/app/link", LinkTarget: target)]));

        Assert.Equal(target, entries.Single(entry => entry.Name == "app/link").LinkName);
    }

    [Fact]
    public void A_file_name_that_is_not_utf8_is_a_coded_error()
    {
        if (OperatingSystem.IsWindows() || OperatingSystem.IsMacOS())
        {
            return; // Windows and APFS names are always Unicode.
        }

        // .NET encodes every name it is given as UTF-8, so the shell makes the file: 'bad-' and the bytes FF FE.
        Shell("touch \"$(printf 'bad-\\377\\376')\"");

        var exception = Record.Exception(() => LayerPlanner.Plan(_temp.Path, "/app"));
        Shell("rm -f bad-*"); // .NET cannot name the file to delete it either.

        Assert.Equal(ImageErrorCodes.UnreadableFileName, Assert.IsType<ImageBuildException>(exception).Code);
    }

    private void Shell(string command)
    {
        using var shell = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sh", ["-c", command]) { WorkingDirectory = _temp.Path })!;
        shell.WaitForExit();
        Assert.Equal(0, shell.ExitCode);
    }

    public void Dispose()
    {
        _temp.Dispose();
        _outside.Dispose();
    }
}
