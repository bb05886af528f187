using EcrPublish.Aws.Model;
using EcrPublish.IntegrationTests.Aws;

namespace EcrPublish.IntegrationTests.Cli;

/// <summary>
/// Arranges repositories and images on moto through the product's ECR client, in process: the commands under test
/// run through the CLIs, but a Python start per set-up call would cost about a second of CPU each.
/// </summary>
internal static class MotoSeed
{
    public static async Task CreateRepositoryAsync(string repository)
    {
        using var client = MotoClientFactory.Create();
        await client.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = repository });
    }

    public static async Task PutImageAsync(string repository, string manifest, string? tag = null)
    {
        using var client = MotoClientFactory.Create();
        await client.PutImageAsync(new PutImageRequest { RepositoryName = repository, ImageManifest = manifest, ImageTag = tag });
    }
}
