using EcrPublish.Testing;

namespace EcrPublish.IntegrationTests.Package;

/// <summary>
/// A throw-away console app (or minimal ASP.NET Core app) that references the packed EcrPublish, in its own
/// git repository with one commit tagged v1.2.3, the way a user's project looks.
/// </summary>
internal sealed class ConsumerProject
{
    private readonly PackageFixture _package;

    private ConsumerProject(PackageFixture package, string directory)
    {
        _package = package;
        Directory = directory;
    }

    public string Directory { get; }

    public static async Task<ConsumerProject> CreateAsync(PackageFixture package, string name, bool web = false)
    {
        var directory = Path.Combine(package.WorkDirectory, name);
        System.IO.Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, $"{name}.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk{(web ? ".Web" : "")}">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Version>1.2.3</Version>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="EcrPublish" Version="{package.Version}" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(directory, "Program.cs"), web ? WebProgram("hello") : "System.Console.WriteLine(\"hello\");\n");
        await File.WriteAllTextAsync(Path.Combine(directory, ".gitignore"), "bin/\nobj/\n");
        await package.WriteNuGetConfigAsync(directory);

        return await CommittedAsync(package, directory);
    }

    /// <summary>
    /// A copy of samples/<paramref name="sample"/> that uses the packed EcrPublish, as version 1.2.3, in its own git
    /// repository tagged v1.2.3. The sample's Directory.Build.props stays behind: the copy gets its own, with the same
    /// implicit usings and nullable context the samples' one sets.
    /// </summary>
    public static async Task<ConsumerProject> CopyOfSampleAsync(PackageFixture package, string sample)
    {
        var directory = Path.Combine(package.WorkDirectory, $"{sample}-{Guid.NewGuid().ToString("N")[..8]}");
        var source = Path.Combine(RepositoryRoot.Path, "samples", sample);
        foreach (var file in System.IO.Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj" or "out")
            {
                continue;
            }

            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(directory, relative))!);
            File.Copy(file, Path.Combine(directory, relative));
        }

        await package.WriteNuGetConfigAsync(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "Directory.Build.props"), $"""
            <Project>
              <PropertyGroup>
                <EcrPublishVersion>{package.Version}</EcrPublishVersion>
                <Version>1.2.3</Version>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(directory, ".gitignore"), "bin/\nobj/\n");
        return await CommittedAsync(package, directory);
    }

    private static async Task<ConsumerProject> CommittedAsync(PackageFixture package, string directory)
    {
        var project = new ConsumerProject(package, directory);
        await project.GitAsync("init", "-q");
        await project.GitAsync("add", "-A");
        await project.GitAsync("-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "initial");
        await project.GitAsync("tag", "v1.2.3");
        return project;
    }

    /// <summary>A minimal API that answers <paramref name="greeting"/> on /.</summary>
    public static string WebProgram(string greeting) => $$"""
        using Microsoft.AspNetCore.Builder;

        var app = WebApplication.Create(args);
        app.MapGet("/", () => "{{greeting}}");
        app.Run();

        """;

    /// <summary>Changes the code and commits it, as a developer's next change would.</summary>
    public async Task CommitCodeChangeAsync(string greeting)
    {
        await File.WriteAllTextAsync(Path.Combine(Directory, "Program.cs"), WebProgram(greeting));
        await GitAsync("-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-am", "change " + greeting);
    }

    /// <summary>Adds MSBuild XML (items, properties) to the project file and commits it.</summary>
    public async Task AddToProjectFileAsync(string xml)
    {
        var projectFile = System.IO.Directory.GetFiles(Directory, "*.csproj").Single();
        var text = await File.ReadAllTextAsync(projectFile);
        await File.WriteAllTextAsync(projectFile, text.Replace("</Project>", xml + "\n</Project>", StringComparison.Ordinal));
        await GitAsync("-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-am", "project change");
    }

    public async Task<string> GitAsync(params string[] arguments) =>
        (await ProcessRunner.RunAsync("git", arguments, workingDirectory: Directory)).EnsureSuccess().StandardOutput.Trim();

    /// <summary>Runs 'dotnet publish' with the given MSBuild arguments; output and errors together.</summary>
    public Task<ProcessResult> PublishAsync(params string[] arguments) => PublishAsync(new Dictionary<string, string?>(), arguments);

    /// <summary>Runs 'dotnet publish' with extra environment variables (AWS credentials, GitHub Actions files).</summary>
    public async Task<ProcessResult> PublishAsync(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var childEnvironment = DotnetEnvironment.Clean(_package.PackagesDirectory);
        foreach (var (name, value) in environment)
        {
            childEnvironment[name] = value;
        }

        return await ProcessRunner.RunAsync(
            "dotnet",
            ["publish", "-nodeReuse:false", "-clp:NoSummary", .. arguments],
            childEnvironment,
            workingDirectory: Directory,
            timeout: TimeSpan.FromMinutes(5));
    }
}
