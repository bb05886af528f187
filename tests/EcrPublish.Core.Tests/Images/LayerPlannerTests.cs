using EcrPublish.Images;
using Xunit;

namespace EcrPublish.Core.Tests.Images;

public sealed class LayerPlannerTests : IDisposable
{
    private const string FrameworkDependentDeps = """
        {
          "runtimeTarget": { "name": ".NETCoreApp,Version=v10.0" },
          "targets": {
            ".NETCoreApp,Version=v10.0": {
              "Shop/1.0.0": { "dependencies": { "Newtonsoft.Json": "13.0.3" }, "runtime": { "Shop.dll": {} } },
              "Newtonsoft.Json/13.0.3": { "runtime": { "lib/net6.0/Newtonsoft.Json.dll": { "assemblyVersion": "13.0.0.0" } } },
              "Preview.Lib/2.0.0-beta.1": {
                "runtime": { "lib/net8.0/Preview.Lib.dll": {} },
                "resources": { "lib/net8.0/de/Preview.Lib.resources.dll": { "locale": "de" } }
              },
              "SQLitePCLRaw.lib.e_sqlite3/2.1.10": {
                "runtimeTargets": { "runtimes/linux-x64/native/libe_sqlite3.so": { "rid": "linux-x64", "assetType": "native" } }
              },
              "Shop.Domain/1.0.0": { "runtime": { "Shop.Domain.dll": {} } }
            }
          },
          "libraries": {
            "Shop/1.0.0": { "type": "project" },
            "Newtonsoft.Json/13.0.3": { "type": "package" },
            "Preview.Lib/2.0.0-beta.1": { "type": "package" },
            "SQLitePCLRaw.lib.e_sqlite3/2.1.10": { "type": "package" },
            "Shop.Domain/1.0.0": { "type": "project" }
          }
        }
        """;

    private const string SelfContainedDeps = """
        {
          "runtimeTarget": { "name": ".NETCoreApp,Version=v10.0/linux-x64" },
          "targets": {
            ".NETCoreApp,Version=v10.0": {},
            ".NETCoreApp,Version=v10.0/linux-x64": {
              "Tool/1.0.0": { "dependencies": { "runtimepack.Microsoft.NETCore.App.Runtime.linux-x64": "10.0.0" }, "runtime": { "Tool.dll": {} } },
              "runtimepack.Microsoft.NETCore.App.Runtime.linux-x64/10.0.0": {
                "runtime": { "System.Private.CoreLib.dll": {}, "System.Runtime.dll": {} },
                "native": { "libcoreclr.so": {}, "createdump": {} }
              }
            }
          },
          "libraries": {
            "Tool/1.0.0": { "type": "project" },
            "runtimepack.Microsoft.NETCore.App.Runtime.linux-x64/10.0.0": { "type": "runtimepack" }
          }
        }
        """;

    private readonly TempDirectory _temp = new();

    [Fact]
    public void A_framework_dependent_app_is_split_into_packages_prerelease_projects_static_assets_and_app()
    {
        _temp.Write("Shop.deps.json", FrameworkDependentDeps);
        _temp.Write("Shop.runtimeconfig.json", """{"runtimeOptions":{"framework":{"name":"Microsoft.AspNetCore.App","version":"10.0.0"}}}""");
        foreach (var file in new[] { "Shop.dll", "Shop.pdb", "Shop", "appsettings.json", "Newtonsoft.Json.dll", "Preview.Lib.dll", "de/Preview.Lib.resources.dll",
                     "runtimes/linux-x64/native/libe_sqlite3.so", "Shop.Domain.dll", "Shop.Domain.pdb", "wwwroot/css/site.css", "wwwroot/index.html" })
        {
            _temp.Write(file, file);
        }

        var plan = LayerPlanner.Plan(_temp.Path, "/app");

        Assert.Equal("Shop", plan.AppName);
        Assert.False(plan.SelfContained);
        Assert.True(plan.HasAppHost);
        Assert.Equal(["packages", "prerelease-packages", "project-references", "static-assets", "app"], plan.Layers.Select(layer => layer.Name));
        Assert.Equal(["/app/Newtonsoft.Json.dll", "/app/runtimes/linux-x64/native/libe_sqlite3.so"], Paths(plan, "packages"));
        Assert.Equal(["/app/Preview.Lib.dll", "/app/de/Preview.Lib.resources.dll"], Paths(plan, "prerelease-packages"));
        Assert.Equal(["/app/Shop.Domain.dll", "/app/Shop.Domain.pdb"], Paths(plan, "project-references"));
        Assert.Equal(["/app/wwwroot/css/site.css", "/app/wwwroot/index.html"], Paths(plan, "static-assets"));
        Assert.Equal(["/app/Shop", "/app/Shop.deps.json", "/app/Shop.dll", "/app/Shop.pdb", "/app/Shop.runtimeconfig.json", "/app/appsettings.json"], Paths(plan, "app"));
        Assert.True(plan.Layers.Single(layer => layer.Name == "app").Files.Single(file => file.ContainerPath == "/app/Shop").Executable);
    }

    [Fact]
    public void A_package_of_the_threshold_size_or_more_gets_its_own_layer_and_smaller_ones_share_one()
    {
        _temp.Write("Shop.deps.json", FrameworkDependentDeps);
        _temp.Write("Shop.runtimeconfig.json", """{"runtimeOptions":{"framework":{"name":"Microsoft.AspNetCore.App","version":"10.0.0"}}}""");
        foreach (var file in new[] { "Shop.dll", "Preview.Lib.dll", "de/Preview.Lib.resources.dll", "Shop.Domain.dll" })
        {
            _temp.Write(file, file);
        }

        _temp.Write("Newtonsoft.Json.dll", new string('x', (int)LayerPlanner.OwnLayerPackageSize));
        _temp.Write("runtimes/linux-x64/native/libe_sqlite3.so", new string('x', (int)LayerPlanner.OwnLayerPackageSize - 1));

        var plan = LayerPlanner.Plan(_temp.Path, "/app");

        Assert.Equal(["package Newtonsoft.Json 13.0.3", "packages", "prerelease-packages", "project-references", "app"], plan.Layers.Select(layer => layer.Name));
        Assert.Equal(["/app/Newtonsoft.Json.dll"], Paths(plan, "package Newtonsoft.Json 13.0.3"));
        Assert.Equal(["/app/runtimes/linux-x64/native/libe_sqlite3.so"], Paths(plan, "packages"));
    }

    [Fact]
    public void A_self_contained_app_gets_a_runtime_layer_and_empty_layers_are_left_out()
    {
        _temp.Write("Tool.deps.json", SelfContainedDeps);
        _temp.Write("Tool.runtimeconfig.json", """{"runtimeOptions":{"includedFrameworks":[{"name":"Microsoft.NETCore.App","version":"10.0.0"}]}}""");
        foreach (var file in new[] { "Tool.dll", "Tool", "System.Private.CoreLib.dll", "System.Runtime.dll", "libcoreclr.so", "createdump" })
        {
            _temp.Write(file, file);
        }

        var plan = LayerPlanner.Plan(_temp.Path, "/srv/tool");

        Assert.True(plan.SelfContained);
        Assert.Equal(["runtime", "app"], plan.Layers.Select(layer => layer.Name));
        Assert.Equal(["/srv/tool/System.Private.CoreLib.dll", "/srv/tool/System.Runtime.dll", "/srv/tool/createdump", "/srv/tool/libcoreclr.so"], Paths(plan, "runtime"));
    }

    [Fact]
    public void A_folder_without_an_app_is_a_clear_error()
    {
        _temp.Write("readme.txt", "nothing to run");

        var exception = Assert.Throws<ImageBuildException>(() => LayerPlanner.Plan(_temp.Path, "/app"));

        Assert.Equal(ImageErrorCodes.DepsFileInvalid, exception.Code);
        Assert.StartsWith("ECR3003: ", exception.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Paths(LayerPlan plan, string layer) =>
        plan.Layers.Single(l => l.Name == layer).Files.Select(file => file.ContainerPath).Order(StringComparer.Ordinal);

    public void Dispose() => _temp.Dispose();
}
