namespace EcrPublish.Testing;

/// <summary>
/// The checkout the tests were built from, found by walking up from the test assembly. Not from
/// <c>[CallerFilePath]</c>: CI builds are deterministic (<c>ContinuousIntegrationBuild</c>), which maps
/// source paths to <c>/_/</c>.
/// </summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "EcrPublish.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"EcrPublish.sln was not found above {AppContext.BaseDirectory}.");
    }
}
