using System.Reflection;
using EcrPublish.Testing;

namespace EcrPublish.Tasks.Tests.Targets;

/// <summary>
/// A console app that uses EcrPublish the way a NuGet restore wires a package in: obj/*.nuget.g.props imports
/// build/EcrPublish.props and obj/*.nuget.g.targets imports build/EcrPublish.targets, here from the source tree,
/// with the tasks from the publish output of EcrPublish.Tasks next to the tests. It lives in its own git
/// repository with one commit tagged v1.2.3.
/// The SDK's Publish target is replaced by one that copies a prepared app into $(PublishDir) (and does nothing in the
/// outer build of a multi-targeted project): these tests are about EcrPublish's targets and run in a second each; the
/// SDK's own publish runs in the end-to-end tests (IntegrationTests/Package).
/// </summary>
internal sealed class TestProject : IDisposable
{
    /// <summary>The ECR endpoint of every build: a loopback port nothing listens on, so nothing can be pushed.</summary>
    public const string UnusedEndpoint = "http://127.0.0.1:9";

    /// <summary>
    /// One bad input (ECR1024) for publishes that test what reaches the task: the task then stops at input validation,
    /// which reports every bad input at once, so an error list of ECR1024 alone shows every other input was valid.
    /// </summary>
    public static readonly (string Name, string Value) StopAtValidation = ("EcrScan", "Sometimes");

    private static readonly string PackageSource = typeof(TestProject).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "EcrPublishBuildDirectory").Value!;

    private static readonly string TasksAssembly = Path.Combine(AppContext.BaseDirectory, "EcrPublish", "tasks", "net8.0", "EcrPublish.Tasks.dll");

    private TestProject(string directory, string name)
    {
        Directory = directory;
        ProjectFile = Path.Combine(directory, name + ".csproj");
    }

    public string Directory { get; }

    public string ProjectFile { get; }

    /// <summary>
    /// A project named <paramref name="name"/>; <paramref name="body"/> is MSBuild XML added to the project (properties, items);
    /// several <paramref name="frameworks"/> (separated by ';') make a multi-targeted project.
    /// </summary>
    public static async Task<TestProject> CreateAsync(string name = "App", string body = "", string frameworks = "net10.0")
    {
        var multiTargeted = frameworks.Contains(';', StringComparison.Ordinal);
        var frameworkProperty = multiTargeted ? "TargetFrameworks" : "TargetFramework";
        var project = new TestProject(Path.Combine(Path.GetTempPath(), "ecrpub-targets-" + Guid.NewGuid().ToString("N")[..8]), name);
        project.Write(name + ".csproj", $"""
            <Project>
              <Import Project="Sdk.props" Sdk="Microsoft.NET.Sdk" />
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <{frameworkProperty}>{frameworks}</{frameworkProperty}>
                <Version>1.2.3</Version>
              </PropertyGroup>
              {body}
              <Import Project="Sdk.targets" Sdk="Microsoft.NET.Sdk" />
              <Target Name="Publish" Condition="'$(TargetFramework)' != ''">
                <ItemGroup>
                  <_PreparedApp Include="$(MSBuildProjectDirectory)/prepared/*" />
                </ItemGroup>
                <Copy SourceFiles="@(_PreparedApp)" DestinationFolder="$(PublishDir)" />
              </Target>
            </Project>
            """);
        // A test pointing the package at a freshly built copy of the tasks, as EcrPublish.props allows.
        project.Write("Directory.Build.props", $"""
            <Project>
              <PropertyGroup>
                <EcrPublishTasksAssembly>{TasksAssembly}</EcrPublishTasksAssembly>
              </PropertyGroup>
            </Project>
            """);
        project.Write($"obj/{name}.csproj.nuget.g.props", NuGetImports("EcrPublish.props", multiTargeted));
        project.Write($"obj/{name}.csproj.nuget.g.targets", NuGetImports("EcrPublish.targets", multiTargeted));
        project.Write($"prepared/{name}.dll", "app");
        project.Write($"prepared/{name}.deps.json", """{"runtimeTarget":{"name":".NETCoreApp,Version=v10.0"},"targets":{".NETCoreApp,Version=v10.0":{"NAME/1.0.0":{"runtime":{"NAME.dll":{}}}}},"libraries":{"NAME/1.0.0":{"type":"project"}}}""".Replace("NAME", name, StringComparison.Ordinal));
        project.Write($"prepared/{name}.runtimeconfig.json", """{"runtimeOptions":{"framework":{"name":"Microsoft.NETCore.App","version":"10.0.0"}}}""");
        project.Write(".gitignore", "bin/\nobj/\n");

        await project.GitAsync("init", "-q");
        await project.GitAsync("add", "-A");
        await project.GitAsync("-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "initial");
        await project.GitAsync("tag", "v1.2.3");
        return project;
    }

    /// <summary>
    /// What NuGet's obj/*.nuget.g.props|targets hold for the package: build/<paramref name="file"/>, and for a multi-targeted
    /// project build/ in its per-framework builds and buildMultiTargeting/ (when the package has that file) in its outer build.
    /// </summary>
    private static string NuGetImports(string file, bool multiTargeted)
    {
        const string Restored = "'$(ExcludeRestorePackageImports)' != 'true'";
        if (!multiTargeted)
        {
            return Imports((Restored, $"build/{file}"));
        }

        return File.Exists($"{PackageSource}buildMultiTargeting/{file}")
            ? Imports(($"'$(TargetFramework)' != '' and {Restored}", $"build/{file}"), ($"'$(TargetFramework)' == '' and {Restored}", $"buildMultiTargeting/{file}"))
            : Imports(($"'$(TargetFramework)' != '' and {Restored}", $"build/{file}"));
    }

    private static string Imports(params (string Condition, string File)[] imports) =>
        $"<Project>{string.Concat(imports.Select(import => $"<ImportGroup Condition=\"{import.Condition}\"><Import Project=\"{PackageSource}{import.File}\" /></ImportGroup>"))}</Project>";

    public string Write(string relative, string content)
    {
        var path = Path.Combine(Directory, relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public async Task<string> GitAsync(params string[] arguments) =>
        (await ProcessRunner.RunAsync("git", arguments, workingDirectory: Directory)).EnsureSuccess().StandardOutput.Trim();

    /// <summary>'dotnet publish' with <paramref name="properties"/> as -p: switches, in-process; ECR is an unused endpoint.</summary>
    public BuildRecord Publish(params (string Name, string Value)[] properties) => Build("Publish", properties);

    /// <summary>'dotnet publish -p:PublishToEcr=true' with <paramref name="properties"/> as -p: switches, in-process.</summary>
    public BuildRecord PublishToEcr(params (string Name, string Value)[] properties) => Build("Publish", [("PublishToEcr", "true"), .. properties]);

    /// <summary>Runs <paramref name="target"/> with <paramref name="properties"/> as global properties.</summary>
    public BuildRecord Build(string target, params (string Name, string Value)[] properties)
    {
        var globalProperties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["EcrServiceUrl"] = UnusedEndpoint };
        foreach (var (name, value) in properties)
        {
            globalProperties[name] = value;
        }

        return InProcessMSBuild.Build(ProjectFile, globalProperties, target);
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
