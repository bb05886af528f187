using System.Formats.Tar;
using EcrPublish.Docker;
using Xunit;

namespace EcrPublish.Core.Tests.Docker;

public sealed class DockerBuildContextWriterTests
{
    [Fact]
    public async Task Writes_the_plan_as_a_tar_in_order_with_contents_modes_and_root_ownership()
    {
        using var project = new TemporaryDirectory();
        var dockerfile = project.Write("Dockerfile", "FROM scratch\n");
        var tool = project.Write("out/tools/run.sh", "#!/bin/sh\necho hi\n");
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        File.SetUnixFileMode(tool, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        project.Write("out/App.dll", "app");
        var plan = DockerBuildContextPlanner.Plan(new DockerBuildRequest { DockerfilePath = dockerfile, PublishDirectory = Path.Combine(project.Path, "out") });

        using var tar = new MemoryStream();
        await DockerBuildContextWriter.WriteAsync(plan, tar, CancellationToken.None);
        tar.Position = 0;

        var entries = new List<(string Name, TarEntryType Type, UnixFileMode Mode, int Uid, string? Content)>();
        using (var reader = new TarReader(tar))
        {
            while (await reader.GetNextEntryAsync() is { } entry)
            {
                var content = entry.DataStream is null ? null : await new StreamReader(entry.DataStream).ReadToEndAsync();
                entries.Add((entry.Name, entry.EntryType, entry.Mode, entry.Uid, content));
            }
        }

        Assert.Equal(["App.dll", "Dockerfile", "tools/", "tools/run.sh"], entries.Select(entry => entry.Name));
        Assert.Equal("app", entries[0].Content);
        Assert.Equal("FROM scratch\n", entries[1].Content);
        Assert.Equal(TarEntryType.Directory, entries[2].Type);
        Assert.True(entries[3].Mode.HasFlag(UnixFileMode.UserExecute), "the executable bit is kept");
        Assert.All(entries, entry => Assert.Equal(0, entry.Uid));
    }
}
