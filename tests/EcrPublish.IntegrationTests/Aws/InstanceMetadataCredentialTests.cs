using System.Globalization;
using EcrPublish.Aws;
using EcrPublish.IntegrationTests.Cli;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Aws;

/// <summary>
/// EC2 instance metadata (IMDSv2) credentials, end to end in a child process: AWSSDK.Core keeps process-wide IMDS state
/// (a shared refreshing credentials object), so resolving them inside the test process made results depend on test
/// order. Each case runs the built <c>dotnet ecr</c> with a clean AWS environment instead, against an IMDSv2 server on
/// loopback (AWS_EC2_METADATA_SERVICE_ENDPOINT) and moto behind a recording forwarder.
/// </summary>
public sealed class InstanceMetadataCredentialTests
{
    [Fact]
    public async Task Credentials_come_from_IMDSv2_and_sign_the_ECR_call()
    {
        await using var imds = new InstanceMetadataServer();
        await using var ecr = MotoForwarder.Start();
        var environment = ChildProcessAwsEnvironment.Create();
        environment["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = imds.Endpoint;
        environment["AWS_ENDPOINT_URL_ECR"] = ecr.Url.ToString();

        var result = await DotnetEcrAsync(environment, "--region", "eu-west-1", "get-login-password");

        Assert.True(result.ExitCode == 0, $"dotnet ecr failed ({result.ExitCode}): {result.StandardError}\nIMDS saw: {Describe(imds.Requests)}");
        using (var moto = MotoClientFactory.Create("eu-west-1"))
        {
            Assert.Equal((await moto.GetRegistryCredentialsAsync()).Password, result.StandardOutput.Trim());
        }

        // IMDSv2: a session token first (PUT with its TTL header; AWSSDK.Core takes a fresh one per read), and every
        // metadata read carries it.
        Assert.Equal(("PUT", "/latest/api/token"), (imds.Requests[0].Method, imds.Requests[0].Target));
        var tokenRequests = imds.Requests.Where(request => request.Method == "PUT").ToList();
        Assert.All(tokenRequests, request => Assert.Equal("/latest/api/token", request.Target));
        Assert.All(tokenRequests, request => Assert.True(int.Parse(request.Header("X-aws-ec2-metadata-token-ttl-seconds"), CultureInfo.InvariantCulture) > 0));
        var reads = imds.Requests.Where(request => request.Method == "GET").ToList();
        Assert.Contains(reads, request => request.Target.TrimEnd('/') == "/latest/meta-data/iam/security-credentials");
        Assert.Contains(reads, request => request.Target == "/latest/meta-data/iam/security-credentials/" + InstanceMetadataServer.Role);
        Assert.All(reads, request => Assert.Equal(InstanceMetadataServer.MetadataToken, request.Header("X-aws-ec2-metadata-token")));

        // The ECR call is signed with the role's keys: botocore recomputes the same signature from them.
        var sent = Assert.Single(ecr.Requests);
        Assert.Equal("AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken", sent.Header("X-Amz-Target"));
        Assert.Contains($"Credential={InstanceMetadataServer.AccessKeyId}/", sent.Header("Authorization"), StringComparison.Ordinal);
        Assert.Equal(InstanceMetadataServer.SessionToken, sent.Header("x-amz-security-token"));
        var expected = await BotocoreSigner.AuthorizationAsync(
            sent, ecr.Url, InstanceMetadataServer.AccessKeyId, InstanceMetadataServer.SecretAccessKey, InstanceMetadataServer.SessionToken, "eu-west-1", "ecr");
        Assert.Equal(expected, sent.Header("Authorization"));
    }

    [Fact]
    public async Task With_instance_metadata_disabled_the_chain_fails_at_once_with_the_missing_credentials_code()
    {
        await using var imds = new InstanceMetadataServer();
        await using var ecr = MotoForwarder.Start();
        var environment = ChildProcessAwsEnvironment.Create();
        environment["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = imds.Endpoint;
        environment["AWS_EC2_METADATA_DISABLED"] = "true";
        environment["AWS_ENDPOINT_URL_ECR"] = ecr.Url.ToString();

        var result = await DotnetEcrAsync(environment, "--region", "eu-west-1", "get-login-password");

        Assert.NotEqual(0, result.ExitCode);
        Assert.StartsWith(AwsClientErrorCodes.NoCredentials + ":", result.StandardError.Trim(), StringComparison.Ordinal);
        Assert.Contains("aws configure", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(result.StandardOutput);
        // Disabled means not asked at all (no connection attempt, hence no timeout to sit out), and nothing was sent.
        Assert.Empty(imds.Requests);
        Assert.Empty(ecr.Requests);
    }

    private static Task<ProcessResult> DotnetEcrAsync(Dictionary<string, string?> environment, params string[] words) =>
        ProcessRunner.RunAsync("dotnet", [CliParityRunner.DotnetEcrAssembly, .. words], environment, timeout: TimeSpan.FromMinutes(2));

    private static string Describe(IEnumerable<RecordedRequest> requests) =>
        string.Join(", ", requests.Select(request => $"{request.Method} {request.Target}"));
}
