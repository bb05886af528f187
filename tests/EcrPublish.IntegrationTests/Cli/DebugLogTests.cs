using System.Text;
using Amazon.Runtime;
using EcrPublish.Aws;
using EcrPublish.Images;
using EcrPublish.LocalEcr;
using EcrPublish.Publishing;
using EcrPublish.Registry;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Cli;

/// <summary>
/// <c>--debug</c> against LocalEcr: the ECR API calls and the registry traffic of a push are logged to stderr like the
/// AWS CLI's debug log, and neither the secret key, the session token nor the ECR token or password appears in it.
/// </summary>
public sealed class DebugLogTests
{
    private const string AccessKey = "AKIADEBUGLOGTEST0001";
    private const string SecretKey = "dEbUg/SeCrEt+KeY-never-printed-0123456789";
    private const string SessionToken = "IQoJb3JpZ2luX2VjEDebugSessionTokenNeverPrinted";

    [Fact]
    public async Task Get_login_password_with_debug_logs_the_call_and_no_secret()
    {
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions { AccessKeyId = AccessKey, SecretAccessKey = SecretKey });
        var environment = CliParityRunner.Environment();
        environment["AWS_ACCESS_KEY_ID"] = AccessKey;
        environment["AWS_SECRET_ACCESS_KEY"] = SecretKey;
        environment["AWS_SESSION_TOKEN"] = SessionToken;

        var quiet = await ProcessRunner.RunAsync("dotnet", [CliParityRunner.DotnetEcrAssembly, "--endpoint-url", localEcr.Endpoint.ToString(), "get-login-password"], environment);
        var debug = await ProcessRunner.RunAsync("dotnet", [CliParityRunner.DotnetEcrAssembly, "--endpoint-url", localEcr.Endpoint.ToString(), "--debug", "get-login-password"], environment);
        var password = debug.EnsureSuccess().StandardOutput.TrimEnd('\n');
        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes("AWS:" + password));

        Assert.Equal("", quiet.EnsureSuccess().StandardError);
        Assert.Contains($"ecrpublish.http - DEBUG - Request: POST {localEcr.Endpoint}", debug.StandardError, StringComparison.Ordinal);
        Assert.Contains("'X-Amz-Target': 'AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken'", debug.StandardError, StringComparison.Ordinal);
        Assert.Contains("'X-Amz-Security-Token': '<redacted>'", debug.StandardError, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("'Authorization': 'AWS4-HMAC-SHA256 <redacted>'", debug.StandardError, StringComparison.Ordinal);
        Assert.Contains("Response: 200 OK for POST", debug.StandardError, StringComparison.Ordinal);
        Assert.Contains("\"authorizationToken\":\"<redacted>\"", debug.StandardError, StringComparison.Ordinal);
        AssertNoSecret(debug.StandardError, password, token);
    }

    [Fact]
    public async Task A_push_with_the_debug_log_shows_the_registry_requests_and_no_secret()
    {
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions { AccessKeyId = AccessKey, SecretAccessKey = SecretKey });
        var repository = $"cli-debug/push-{Guid.NewGuid().ToString("N")[..8]}";
        var log = new StringWriter();
        var cacheDirectory = Path.Combine(TestEnvironment.WorkDirectory, "debug-log-cache-" + Guid.NewGuid().ToString("N"));
        try
        {
            // The pipeline's own parts, as a publish wires them: the ECR client, the ECR token provider, the registry pool.
            using var ecr = new EcrApiClient(new EcrClientOptions
            {
                Region = localEcr.Options.Region,
                ServiceUrl = localEcr.Endpoint,
                Credentials = new SessionAWSCredentials(AccessKey, SecretKey, SessionToken),
                DebugLog = log,
            });
            (await ecr.InvokeAsync("CreateRepository", Encoding.UTF8.GetBytes($$"""{"repositoryName":"{{repository}}"}"""))).Dispose();
            using var credentials = new EcrRegistryCredentialProvider(ecr, [localEcr.RegistryHost], TimeProvider.System);
            using var registries = new RegistryClientPool(credentials, new RegistryClientOptions { DebugLog = log });
            var client = registries.Get(localEcr.RegistryHost);
            var config = Encoding.UTF8.GetBytes("""{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}""");
            var configDescriptor = new Descriptor(MediaTypes.OciConfig, RegistryContentWriter.Digest(config), config.Length);
            await new BlobUploader(client, registries, new LayerCache(cacheDirectory), new PushOptions())
                .UploadAsync(repository, new ImageBlob(configDescriptor, null, null) { Content = config }, null, CancellationToken.None);
            var manifest = Encoding.UTF8.GetBytes($$"""{"schemaVersion":2,"mediaType":"{{MediaTypes.OciManifest}}","config":{"mediaType":"{{MediaTypes.OciConfig}}","digest":"{{configDescriptor.Digest}}","size":{{config.Length}}},"layers":[]}""");
            await client.PutManifestAsync(repository, "v1", MediaTypes.OciManifest, manifest, CancellationToken.None);
            var password = (await credentials.GetAsync(localEcr.RegistryHost, refresh: false, CancellationToken.None))!.Password;
            var text = log.ToString();

            Assert.Contains("'X-Amz-Target': 'AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken'", text, StringComparison.Ordinal);
            Assert.Contains($"Request: POST {localEcr.Endpoint}v2/{repository}/blobs/uploads/", text, StringComparison.Ordinal);
            Assert.Contains($"Request: PUT {localEcr.Endpoint}v2/{repository}/manifests/v1", text, StringComparison.Ordinal);
            Assert.Contains($"Response: 201 Created for PUT {localEcr.Endpoint}v2/{repository}/manifests/v1", text, StringComparison.Ordinal);
            Assert.Contains("'Authorization': 'Basic <redacted>'", text, StringComparison.Ordinal);
            Assert.Contains("\"schemaVersion\":2", text, StringComparison.Ordinal);
            AssertNoSecret(text, password, Convert.ToBase64String(Encoding.UTF8.GetBytes("AWS:" + password)));
        }
        finally
        {
            if (Directory.Exists(cacheDirectory))
            {
                Directory.Delete(cacheDirectory, recursive: true);
            }
        }
    }

    private static void AssertNoSecret(string log, string password, string token)
    {
        Assert.DoesNotContain(SecretKey, log, StringComparison.Ordinal);
        Assert.DoesNotContain(SessionToken, log, StringComparison.Ordinal);
        Assert.DoesNotContain(password, log, StringComparison.Ordinal);
        Assert.DoesNotContain(token, log, StringComparison.Ordinal);
    }
}
