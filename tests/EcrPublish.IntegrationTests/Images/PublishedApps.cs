using Xunit;
using EcrPublish.Testing;

namespace EcrPublish.IntegrationTests.Images;

/// <summary>
/// Real apps published once per test class: an ASP.NET Core web app, and a console app with a project
/// reference published twice (v2 differs only in its own code).
/// </summary>
public sealed class PublishedApps : IAsyncLifetime
{
    public string Root { get; } = Path.Combine(TestEnvironment.WorkDirectory, "image-engine-apps-" + Guid.NewGuid().ToString("N")[..8]);

    public string WebOut => Path.Combine(Root, "WebApp", "out");

    public string ConsoleOut => Path.Combine(Root, "ConsoleApp", "out");

    public string ConsoleOutV2 => Path.Combine(Root, "ConsoleApp", "out-v2");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        await DotnetAsync(Root, "new", "web", "-n", "WebApp", "-o", "WebApp");
        await DotnetAsync(Root, "new", "classlib", "-n", "Greeting", "-o", "Greeting");
        await DotnetAsync(Root, "new", "console", "-n", "ConsoleApp", "-o", "ConsoleApp");
        await File.WriteAllTextAsync(Path.Combine(Root, "Greeting", "Class1.cs"),
            "namespace Greeting; public static class Words { public static string Hello(string who) => $\"hello from {who}\"; }");
        await DotnetAsync(Path.Combine(Root, "ConsoleApp"), "add", "reference", "../Greeting/Greeting.csproj");
        var program = Path.Combine(Root, "ConsoleApp", "Program.cs");

        await File.WriteAllTextAsync(program, "System.Console.WriteLine(Greeting.Words.Hello(\"console v1\"));");
        await DotnetAsync(Path.Combine(Root, "ConsoleApp"), "publish", "-c", "Release", "-o", "out");
        await File.WriteAllTextAsync(program, "System.Console.WriteLine(Greeting.Words.Hello(\"console v2\"));");
        await DotnetAsync(Path.Combine(Root, "ConsoleApp"), "publish", "-c", "Release", "-o", "out-v2");
        await DotnetAsync(Path.Combine(Root, "WebApp"), "publish", "-c", "Release", "-o", "out");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }

    private static async Task DotnetAsync(string directory, params string[] arguments)
    {
        var environment = new Dictionary<string, string?> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" };
        (await ProcessRunner.RunAsync("dotnet", arguments, environment, workingDirectory: directory, timeout: TimeSpan.FromMinutes(5))).EnsureSuccess();
    }
}
