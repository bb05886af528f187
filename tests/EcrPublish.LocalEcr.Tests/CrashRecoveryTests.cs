using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using EcrPublish.LocalEcr.Tests.Support;
using EcrPublish.Testing;

namespace EcrPublish.LocalEcr.Tests;

/// <summary>A LocalEcr process killed mid-upload keeps everything it acknowledged: repositories, images, upload parts.</summary>
public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task A_kill_mid_upload_loses_only_the_unacknowledged_part()
    {
        var data = Path.Combine(TestEnvironment.WorkDirectory, "localecr-crash-" + Guid.NewGuid().ToString("N"));
        try
        {
            var part = RandomNumberGenerator.GetBytes(5 * 1024 * 1024);
            var rest = RandomNumberGenerator.GetBytes(4096);
            string location;
            string imageDigest;
            string password;
            using (var first = await LocalEcrProcess.StartAsync(data))
            {
                using var ecr = new SignedEcrClient(first.Endpoint, "test", "test");
                (await ecr.CallAsync("CreateRepository", """{"repositoryName":"crash/app"}""")).Ok();
                password = PasswordOf((await ecr.CallAsync("GetAuthorizationToken", "{}")).Ok());
                using var registry = new RegistryTestClient(first.Endpoint, password);
                (imageDigest, _) = await registry.PushImageAsync("crash/app", "before-crash");

                using var start = await registry.SendAsync(HttpMethod.Post, "/v2/crash/app/blobs/uploads/");
                location = start.Headers.Location!.ToString();
                using var acknowledged = await registry.SendAsync(HttpMethod.Patch, location, part, contentRange: $"0-{part.Length - 1}");
                Assert.Equal(201, (int)acknowledged.StatusCode);

                // A second part is on the wire when the process dies.
                using var http = new HttpClient { BaseAddress = first.Endpoint };
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("AWS:" + password)));
                using var stalled = new StreamContent(new StallingStream(1024 * 1024));
                using var abandon = new CancellationTokenSource();
                var inFlight = http.PatchAsync(location, stalled, abandon.Token);
                await Task.Delay(1000);
                first.Kill();
                await abandon.CancelAsync();
                await Assert.ThrowsAnyAsync<Exception>(() => inFlight);
            }

            using var second = await LocalEcrProcess.StartAsync(data);
            using var registryAfter = new RegistryTestClient(second.Endpoint, password);
            using (var status = await registryAfter.SendAsync(HttpMethod.Get, location))
            {
                Assert.Equal(204, (int)status.StatusCode);
                Assert.Equal($"0-{part.Length - 1}", status.Headers.GetValues("Range").Single());
            }

            var whole = part.Concat(rest).ToArray();
            var digest = RegistryTestClient.Digest(whole);
            using (var finish = await registryAfter.SendAsync(HttpMethod.Put, $"{location}?digest={digest}", rest, contentRange: $"{part.Length}-{whole.Length - 1}"))
            {
                Assert.Equal(201, (int)finish.StatusCode);
            }

            using (var blob = await registryAfter.SendAsync(HttpMethod.Get, $"/v2/crash/app/blobs/{digest}"))
            {
                Assert.Equal(whole, await blob.Content.ReadAsByteArrayAsync());
            }

            using var manifest = await registryAfter.SendAsync(HttpMethod.Head, "/v2/crash/app/manifests/before-crash");
            Assert.Equal(imageDigest, manifest.Headers.GetValues("Docker-Content-Digest").Single());
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static string PasswordOf(System.Text.Json.Nodes.JsonNode response) =>
        Encoding.UTF8.GetString(Convert.FromBase64String(response["authorizationData"]![0]!["authorizationToken"]!.GetValue<string>()))["AWS:".Length..];
}
