using EcrPublish.Testing;

namespace EcrPublish.LocalEcr.Tests.Support;

/// <summary>A data directory for LocalEcrs started one after another (restart tests); removed on dispose.</summary>
internal sealed class TemporaryDataDirectory(string purpose) : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(TestEnvironment.WorkDirectory, purpose + "-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
