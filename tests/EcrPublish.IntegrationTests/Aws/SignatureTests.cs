using Amazon.Runtime;
using EcrPublish.Aws;
using EcrPublish.Aws.Model;
using Xunit;

namespace EcrPublish.IntegrationTests.Aws;

/// <summary>Our SigV4 signatures, recomputed by botocore for the same request, time and credentials.</summary>
public sealed class SignatureTests
{
    private const string AccessKey = "AKIAIOSFODNN7EXAMPLE";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static readonly DateTimeOffset SigningTime = new(2026, 11, 28, 9, 4, 20, TimeSpan.Zero);

    [Fact]
    public async Task Ecr_request_signature_matches_botocore()
    {
        await using var server = new LoopbackHttpServer((_, _) => ServerReply.Json(200, """{"repositories":[]}"""));
        using var client = Client(server, new BasicAWSCredentials(AccessKey, SecretKey), new SteppingTimeProvider(SigningTime, TimeSpan.Zero));

        await client.DescribeRepositoriesAsync(new DescribeRepositoriesRequest { RepositoryNames = ["team/app"], MaxResults = 5 });

        var sent = Assert.Single(server.Requests);
        Assert.Equal("20261128T090420Z", sent.Header("X-Amz-Date"));
        Assert.Equal("AmazonEC2ContainerRegistry_V20150921.DescribeRepositories", sent.Header("X-Amz-Target"));
        Assert.Equal("application/x-amz-json-1.1", sent.Header("Content-Type"));
        Assert.Contains("Credential=AKIAIOSFODNN7EXAMPLE/20261128/eu-west-1/ecr/aws4_request", sent.Header("Authorization"), StringComparison.Ordinal);
        var expected = await BotocoreSigner.AuthorizationAsync(sent, server.Url, AccessKey, SecretKey, null, "eu-west-1", "ecr");
        Assert.Equal(expected, sent.Header("Authorization"));
    }

    [Fact]
    public async Task Request_with_a_session_token_signs_the_token_like_botocore()
    {
        const string token = "FwoGZXIvYXdzEXAMPLE//session+token==";
        await using var server = new LoopbackHttpServer((_, _) => ServerReply.Json(200, "{}"));
        using var client = Client(server, new SessionAWSCredentials(AccessKey, SecretKey, token), new SteppingTimeProvider(SigningTime, TimeSpan.Zero));

        await client.PutLifecyclePolicyAsync(new PutLifecyclePolicyRequest
        {
            RepositoryName = "team/app",
            LifecyclePolicyText = """{"rules":[{"rulePriority":1,"selection":{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":5},"action":{"type":"expire"}}]}""",
        });

        var sent = Assert.Single(server.Requests);
        Assert.Equal(token, sent.Header("X-Amz-Security-Token"));
        Assert.Contains("x-amz-security-token", sent.Header("Authorization"), StringComparison.Ordinal);
        var expected = await BotocoreSigner.AuthorizationAsync(sent, server.Url, AccessKey, SecretKey, token, "eu-west-1", "ecr");
        Assert.Equal(expected, sent.Header("Authorization"));
    }

    [Fact]
    public async Task Clock_skew_from_the_Date_header_is_applied_and_the_retry_signature_matches_botocore()
    {
        var serverTime = SigningTime.AddHours(2);
        await using var server = new LoopbackHttpServer((request, index) => index == 0
            ? ServerReply.Error(400, "InvalidSignatureException", "Signature expired: 20261128T090420Z is now earlier than 20261128T105420Z", ("Date", serverTime.ToString("r")))
            : ServerReply.Json(200, """{"repositories":[]}""", ("Date", serverTime.ToString("r"))));
        using var client = Client(server, new BasicAWSCredentials(AccessKey, SecretKey), new SteppingTimeProvider(SigningTime, TimeSpan.Zero));

        await client.DescribeRepositoriesAsync(new DescribeRepositoriesRequest());

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal("20261128T090420Z", server.Requests[0].Header("X-Amz-Date"));
        Assert.Equal("20261128T110420Z", server.Requests[1].Header("X-Amz-Date"));
        Assert.Equal(TimeSpan.FromHours(2), client.ClockSkew);
        var expected = await BotocoreSigner.AuthorizationAsync(server.Requests[1], server.Url, AccessKey, SecretKey, null, "eu-west-1", "ecr");
        Assert.Equal(expected, server.Requests[1].Header("Authorization"));
    }

    [Fact]
    public async Task Sts_query_request_signature_matches_botocore()
    {
        await using var server = new LoopbackHttpServer((_, _) => new ServerReply(200, """
            <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>
            <Arn>arn:aws:iam::210987654321:user/ci</Arn><UserId>AIDAEXAMPLE</UserId><Account>210987654321</Account>
            </GetCallerIdentityResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></GetCallerIdentityResponse>
            """, new Dictionary<string, string> { ["Content-Type"] = "text/xml" }));
        using var client = Client(server, new BasicAWSCredentials(AccessKey, SecretKey), new SteppingTimeProvider(SigningTime, TimeSpan.Zero));

        var identity = await client.GetCallerIdentityAsync();

        Assert.Equal(new StsCallerIdentity("210987654321", "arn:aws:iam::210987654321:user/ci", "AIDAEXAMPLE"), identity);
        var sent = Assert.Single(server.Requests);
        Assert.Equal("Action=GetCallerIdentity&Version=2011-06-15", System.Text.Encoding.ASCII.GetString(sent.Body));
        Assert.Contains("/eu-west-1/sts/aws4_request", sent.Header("Authorization"), StringComparison.Ordinal);
        var expected = await BotocoreSigner.AuthorizationAsync(sent, server.Url, AccessKey, SecretKey, null, "eu-west-1", "sts");
        Assert.Equal(expected, sent.Header("Authorization"));
    }

    private static EcrApiClient Client(LoopbackHttpServer server, AWSCredentials credentials, TimeProvider clock) =>
        new(new EcrClientOptions
        {
            Region = "eu-west-1",
            ServiceUrl = server.Url,
            StsServiceUrl = server.Url,
            Credentials = credentials,
            TimeProvider = clock,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        });
}
