using System.Xml.Linq;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Docker;

/// <summary>samples/DockerfileApp copied under ECRPUB_WORK and published once (dotnet publish -c Release -o out) for the tests that build it.</summary>
public sealed class PublishedDockerfileApp : IAsyncLifetime
{
    /// <summary>The copy of the sample (holds the Dockerfile and .dockerignore).</summary>
    public string ProjectDirectory { get; private set; } = string.Empty;

    /// <summary>The publish output.</summary>
    public string PublishDirectory => Path.Combine(ProjectDirectory, "out");

    public string DockerfilePath => Path.Combine(ProjectDirectory, "Dockerfile");

    public async Task InitializeAsync()
    {
        ProjectDirectory = TestDockerEngine.NewWorkDirectory("DockerfileApp");
        var sample = Path.Combine(RepositoryRoot.Path, "samples", "DockerfileApp");
        foreach (var file in Directory.EnumerateFiles(sample))
        {
            File.Copy(file, Path.Combine(ProjectDirectory, Path.GetFileName(file)));
        }

        // These tests drive the engine code directly; the sample's EcrPublish package reference (and its feed) is
        // for 'dotnet publish -p:PublishToEcr=true', which Package/DockerfileAppPublishTests covers.
        var projectFile = Path.Combine(ProjectDirectory, "DockerfileApp.csproj");
        var project = XDocument.Load(projectFile);
        project.Descendants("PackageReference").Where(reference => (string?)reference.Attribute("Include") == "EcrPublish").Remove();
        project.Save(projectFile);

        (await ProcessRunner.RunAsync("dotnet", ["publish", "-c", "Release", "-o", "out", "--nologo"], workingDirectory: ProjectDirectory,
            timeout: TimeSpan.FromMinutes(5))).EnsureSuccess();
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
