using System.Text;
using EcrPublish.LocalEcr.Tests.Support;
using EcrPublish.Testing;

namespace EcrPublish.LocalEcr.Tests;

/// <summary>Neither the secret key nor a registry password ever appears in LocalEcr's output, even with request logging on.</summary>
public sealed class SecretHygieneTests
{
    [Fact]
    public async Task Request_logging_never_prints_the_secret_or_the_registry_password()
    {
        const string Secret = "wJalrXUtnFEMI-K7MDENG-bPxRfiCYzEXAMPLEKEY";
        var data = Path.Combine(TestEnvironment.WorkDirectory, "localecr-secrets-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var process = await LocalEcrProcess.StartAsync(data, "--access-key", "AKIAHYGIENE", "--secret-key", Secret, "--log");
            using var ecr = new SignedEcrClient(process.Endpoint, "AKIAHYGIENE", Secret);
            (await ecr.CallAsync("CreateRepository", """{"repositoryName":"hygiene/app"}""")).Ok();
            var token = (await ecr.CallAsync("GetAuthorizationToken", "{}")).Ok()["authorizationData"]![0]!["authorizationToken"]!.GetValue<string>();
            var password = Encoding.UTF8.GetString(Convert.FromBase64String(token))["AWS:".Length..];
            using (var registry = new RegistryTestClient(process.Endpoint, password))
            {
                await registry.PushImageAsync("hygiene/app", "v1");
            }

            using var wrongSecret = new SignedEcrClient(process.Endpoint, "AKIAHYGIENE", Secret + "x");
            Assert.Equal(403, (await wrongSecret.CallAsync("DescribeRepositories", "{}")).StatusCode);
            var output = await process.StopAndReadOutputAsync();
            Assert.Contains("PUT /v2/hygiene/app/manifests/v1 -> 201", output, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, output, StringComparison.Ordinal);
            Assert.DoesNotContain(password, output, StringComparison.Ordinal);
            Assert.DoesNotContain(token, output, StringComparison.Ordinal);
            Assert.DoesNotContain(password, string.Concat(Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories).Where(file => !file.Contains("blobs", StringComparison.Ordinal)).Select(File.ReadAllText)), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
