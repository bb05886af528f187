using EcrPublish.Testing;

namespace EcrPublish.IntegrationTests.Package;

/// <summary>
/// A throw-away solution the way teams lay out services: two ASP.NET Core services and a shared class library, with
/// EcrPublish referenced once for every project from Directory.Build.props, in a git repository tagged v2.0.0.
/// </summary>
internal sealed class ConsumerSolution
{
    private readonly PackageFixture _package;

    private ConsumerSolution(PackageFixture package, string directory)
    {
        _package = package;
        Directory = directory;
    }

    public string Directory { get; }

    public static readonly string[] Services = ["catalog", "orders"];

    public static async Task<ConsumerSolution> CreateAsync(PackageFixture package, string name)
    {
        var directory = Path.Combine(package.WorkDirectory, name);
        System.IO.Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "Directory.Build.props"), $"""
            <Project>
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Version>2.0.0</Version>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="EcrPublish" Version="{package.Version}" />
              </ItemGroup>
            </Project>
            """);
        foreach (var service in Services)
        {
            var serviceDirectory = Path.Combine(directory, service);
            System.IO.Directory.CreateDirectory(serviceDirectory);
            await File.WriteAllTextAsync(Path.Combine(serviceDirectory, $"{service}.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk.Web">
                  <PropertyGroup>
                    <EcrRepository>$(EcrRepositoryPrefix)/{service}</EcrRepository>
                  </PropertyGroup>
                  <ItemGroup>
                    <ProjectReference Include="../shared/shared.csproj" />
                  </ItemGroup>
                </Project>
                """);
            await File.WriteAllTextAsync(Path.Combine(serviceDirectory, "Program.cs"), ConsumerProject.WebProgram(service));
        }

        System.IO.Directory.CreateDirectory(Path.Combine(directory, "shared"));
        await File.WriteAllTextAsync(Path.Combine(directory, "shared", "shared.csproj"), """<Project Sdk="Microsoft.NET.Sdk" />""");
        await File.WriteAllTextAsync(Path.Combine(directory, "shared", "Greeting.cs"), "namespace Shared;\n\npublic static class Greeting\n{\n    public const string Text = \"hello\";\n}\n");
        await File.WriteAllTextAsync(Path.Combine(directory, ".gitignore"), "bin/\nobj/\n");
        await package.WriteNuGetConfigAsync(directory);

        var solution = new ConsumerSolution(package, directory);
        await solution.DotnetAsync("new", "sln", "-n", "Services", "-o", ".", "--format", "sln");
        await solution.DotnetAsync("sln", "Services.sln", "add", "catalog/catalog.csproj", "orders/orders.csproj", "shared/shared.csproj");
        await solution.GitAsync("init", "-q");
        await solution.GitAsync("add", "-A");
        await solution.GitAsync("-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "initial");
        await solution.GitAsync("tag", "v2.0.0");
        return solution;
    }

    /// <summary>Runs 'dotnet publish Services.sln' with extra environment variables and MSBuild arguments.</summary>
    public async Task<ProcessResult> PublishAsync(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var childEnvironment = DotnetEnvironment.Clean(_package.PackagesDirectory);
        foreach (var (name, value) in environment)
        {
            childEnvironment[name] = value;
        }

        return await ProcessRunner.RunAsync(
            "dotnet",
            ["publish", "Services.sln", "-nodeReuse:false", "-clp:NoSummary", .. arguments],
            childEnvironment,
            workingDirectory: Directory,
            timeout: TimeSpan.FromMinutes(8));
    }

    private async Task DotnetAsync(params string[] arguments) =>
        (await ProcessRunner.RunAsync("dotnet", arguments, DotnetEnvironment.Clean(_package.PackagesDirectory), workingDirectory: Directory)).EnsureSuccess();

    private async Task GitAsync(params string[] arguments) =>
        (await ProcessRunner.RunAsync("git", arguments, workingDirectory: Directory)).EnsureSuccess();
}
