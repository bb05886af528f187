using EcrPublish.Images;
using EcrPublish.IntegrationTests.Package;
using EcrPublish.Registry;
using EcrPublish.SupplyChain;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.SupplyChain;

/// <summary>
/// An ASP.NET Core app with nine package references (28 packages in its deps.json), generated and published once,
/// and the SBOM inputs EcrPublish gathers for it on the test registry's aspnet base image.
/// </summary>
public sealed class GeneratedAppWithPackages : IAsyncLifetime
{
    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Version>1.2.3</Version>
            <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Serilog.AspNetCore" Version="10.0.0" />
            <PackageReference Include="Polly" Version="8.6.5" />
            <PackageReference Include="FluentValidation" Version="12.1.1" />
            <PackageReference Include="Dapper" Version="2.1.66" />
            <PackageReference Include="Npgsql" Version="10.0.0" />
            <PackageReference Include="Newtonsoft.Json" Version="13.0.4" />
            <PackageReference Include="OpenTelemetry.Extensions.Hosting" Version="1.14.0" />
            <PackageReference Include="Microsoft.Data.Sqlite" Version="10.0.0" />
            <PackageReference Include="AWSSDK.S3" Version="4.0.104.12" />
          </ItemGroup>
        </Project>
        """;

    public string Root { get; } = Path.Combine(TestEnvironment.WorkDirectory, "sbom-app-" + Guid.NewGuid().ToString("N")[..8]);

    public string ProjectFile => Path.Combine(Root, "ManyPackagesApp.csproj");

    public SbomInputs Inputs { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        await File.WriteAllTextAsync(ProjectFile, Project);
        await File.WriteAllTextAsync(Path.Combine(Root, "Program.cs"),
            "using Microsoft.AspNetCore.Builder;\nvar app = WebApplication.CreateBuilder(args).Build();\napp.MapGet(\"/\", () => \"ok\");\napp.Run();\n");
        (await ProcessRunner.RunAsync("dotnet", ["publish", "-c", "Release", "-o", "publish"], DotnetEnvironment.Clean(), workingDirectory: Root,
            timeout: TimeSpan.FromMinutes(10))).EnsureSuccess();

        var reference = ImageReference.Parse(TestEnvironment.AspNetBaseImage);
        using var registries = new RegistryClientPool(null);
        var baseImage = await new BaseImageResolver(registries).ResolveAsync(reference, Platform.FromRuntimeIdentifier("linux-x64"), CancellationToken.None);
        var cache = new LayerCache(Path.Combine(Root, "cache"));
        List<string> layers = [];
        foreach (var layer in baseImage.Manifest!.Layers)
        {
            layers.Add(await registries.Get(reference.Registry).DownloadBlobAsync(reference.Repository, layer.Digest, cache, CancellationToken.None));
        }

        Inputs = SbomInputGatherer.Gather(new SbomSources
        {
            PublishDirectory = Path.Combine(Root, "publish"),
            Image = new SbomImage("team/many-packages-app", "sha256:" + new string('1', 64), "sha256:" + new string('2', 64), "linux", "amd64"),
            BaseImage = baseImage,
            BaseLayerFiles = layers,
            RepositoryUrl = "https://github.com/example/many-packages-app.git",
            Created = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000),
            ToolVersion = "1.0.0-test",
        });
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }
}
