using System.Security.Cryptography;
using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Tests.Support;
using EcrPublish.Testing;

namespace EcrPublish.LocalEcr.Tests;

/// <summary>Parallel pushes to the same and to different repositories all land, and the stored state stays consistent.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Parallel_pushes_to_the_same_and_different_repositories_all_land()
    {
        var data = Path.Combine(TestEnvironment.WorkDirectory, "localecr-parallel-" + Guid.NewGuid().ToString("N"));
        var shared = RandomNumberGenerator.GetBytes(4096);
        var pushed = new Dictionary<string, string>();
        await using (var ecr = await LocalEcrHarness.StartAsync(data))
        {
            await ecr.CreateRepositoryAsync("par/a");
            await ecr.CreateRepositoryAsync("par/b");
            using var registry = await ecr.RegistryAsync();

            // The same blob into the same repository from eight pushers at once.
            var sameBlob = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => registry.PushBlobAsync("par/a", shared)));
            Assert.Single(sameBlob.Distinct());

            var pushes = Enumerable.Range(0, 16).Select(async i =>
            {
                var repository = i % 2 == 0 ? "par/a" : "par/b";
                var (digest, _) = await registry.PushImageAsync(repository, $"t{i}");
                return ($"{repository}:t{i}", digest);
            });
            foreach (var (reference, digest) in await Task.WhenAll(pushes))
            {
                pushed[reference] = digest;
            }

            await AssertAllTagsAsync(ecr, pushed);
        }

        try
        {
            await using var restarted = await LocalEcrHarness.StartAsync(data);
            await AssertAllTagsAsync(restarted, pushed);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task AssertAllTagsAsync(LocalEcrHarness ecr, Dictionary<string, string> pushed)
    {
        foreach (var repository in new[] { "par/a", "par/b" })
        {
            var listed = (await ecr.Ecr.CallAsync("ListImages", new JsonObject { ["repositoryName"] = repository })).Ok()["imageIds"]!.AsArray()
                .ToDictionary(id => $"{repository}:{id!["imageTag"]!.GetValue<string>()}", id => id!["imageDigest"]!.GetValue<string>());
            var expected = pushed.Where(pair => pair.Key.StartsWith(repository + ":", StringComparison.Ordinal)).ToDictionary();
            Assert.Equal(expected.OrderBy(pair => pair.Key), listed.OrderBy(pair => pair.Key));
        }
    }
}
