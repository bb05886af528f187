using Microsoft.Build.Utilities;

namespace EcrPublish.Tasks.Tests;

/// <summary>
/// A <see cref="PublishToEcr"/> task over a real, minimal publish folder, with inputs that pass validation. The ECR
/// endpoint is a loopback port nothing listens on: a publish that got past validation fails there, with another code.
/// </summary>
internal sealed class PublishToEcrHarness : IDisposable
{
    public const string UnusedEndpoint = "http://127.0.0.1:9";

    public PublishToEcrHarness()
    {
        Directory.CreateDirectory(PublishDirectory);
        Write("publish/App.deps.json", """{"runtimeTarget":{"name":".NETCoreApp,Version=v10.0"},"targets":{".NETCoreApp,Version=v10.0":{"App/1.0.0":{"runtime":{"App.dll":{}}}}},"libraries":{"App/1.0.0":{"type":"project"}}}""");
        Write("publish/App.runtimeconfig.json", """{"runtimeOptions":{"framework":{"name":"Microsoft.NETCore.App","version":"10.0.0"}}}""");
        Write("publish/App.dll", "app");
    }

    public string ProjectDirectory { get; } = Path.Combine(Path.GetTempPath(), "ecrpub-task-" + Guid.NewGuid().ToString("N")[..8]);

    public string PublishDirectory => Path.Combine(ProjectDirectory, "publish");

    public RecordingBuildEngine Engine { get; } = new();

    public string Write(string relative, string content)
    {
        var path = Path.Combine(ProjectDirectory, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>A task whose every input is valid; the test then spoils one.</summary>
    public PublishToEcr Task() => new()
    {
        BuildEngine = Engine,
        ProjectDirectory = ProjectDirectory,
        ProjectName = "App",
        PublishDirectory = PublishDirectory,
        AssemblyName = "App",
        TargetFileName = "App.dll",
        TargetFrameworkVersion = "10.0",
        Region = "us-east-1",
        ServiceUrl = UnusedEndpoint,
        Repository = "corpus/app",
        ImageTags = [new TaskItem("v1")],
        ContainerBaseImage = "scratch",
        ResultFile = Path.Combine(ProjectDirectory, "result.json"),
    };

    public void Dispose()
    {
        if (Directory.Exists(ProjectDirectory))
        {
            Directory.Delete(ProjectDirectory, recursive: true);
        }
    }
}
