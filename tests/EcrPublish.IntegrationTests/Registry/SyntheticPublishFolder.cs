namespace EcrPublish.IntegrationTests.Registry;

/// <summary>
/// A minimal framework-dependent publish folder (deps.json, runtimeconfig, an "assembly" of chosen size
/// and content) for push tests that never run the image and must not wait for dotnet publish.
/// </summary>
internal static class SyntheticPublishFolder
{
    public static string Create(string parent, int appBytes, int seed)
    {
        var directory = Path.Combine(parent, $"publish-{seed}-{Guid.NewGuid().ToString("N")[..6]}");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "App.deps.json"),
            """{"runtimeTarget":{"name":".NETCoreApp,Version=v10.0"},"targets":{".NETCoreApp,Version=v10.0":{"App/1.0.0":{"runtime":{"App.dll":{}}}}},"libraries":{"App/1.0.0":{"type":"project"}}}""");
        File.WriteAllText(Path.Combine(directory, "App.runtimeconfig.json"),
            """{"runtimeOptions":{"tfm":"net10.0","framework":{"name":"Microsoft.NETCore.App","version":"10.0.0"}}}""");
        var content = new byte[appBytes];
        new Random(seed).NextBytes(content);
        File.WriteAllBytes(Path.Combine(directory, "App.dll"), content);
        return directory;
    }
}
