using System.Security.Cryptography;
using System.Text;
using EcrPublish.LocalEcr.Tests.Support;

namespace EcrPublish.LocalEcr.Tests.BadInput;

/// <summary>
/// One LocalEcr for a whole corpus class, seeded with <c>corpus/app</c> holding image <c>v1</c>, so bad values reach
/// operations on an existing repository and image. <see cref="Snapshot"/> fingerprints the data directory, so a test
/// can prove a refused request changed nothing.
/// </summary>
public sealed class CorpusServer : IAsyncLifetime
{
    public const string Repository = "corpus/app";

    internal LocalEcrHarness Ecr { get; private set; } = null!;

    internal RegistryTestClient Registry { get; private set; } = null!;

    public string ImageDigest { get; private set; } = string.Empty;

    public string Manifest { get; private set; } = string.Empty;

    public string LayerDigest { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        Ecr = await LocalEcrHarness.StartAsync();
        await Ecr.CreateRepositoryAsync(Repository);
        Registry = await Ecr.RegistryAsync();
        var (digest, manifest) = await Registry.PushImageAsync(Repository, "v1", layers: 1);
        ImageDigest = digest;
        Manifest = Encoding.UTF8.GetString(manifest);
        LayerDigest = System.Text.Json.Nodes.JsonNode.Parse(manifest)!["layers"]![0]!["digest"]!.GetValue<string>();
    }

    public async Task DisposeAsync()
    {
        Registry.Dispose();
        await Ecr.DisposeAsync();
    }

    /// <summary>Every file under the data directory with the hash of its content.</summary>
    public IReadOnlyList<string> Snapshot() =>
        Directory.EnumerateFiles(Ecr.Server.DataDirectory, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(file => file + " " + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file))))
            .ToList();
}
