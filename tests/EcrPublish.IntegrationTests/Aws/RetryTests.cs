using System.Net;
using Amazon.Runtime;
using EcrPublish.Aws;
using EcrPublish.Aws.Model;
using Xunit;

namespace EcrPublish.IntegrationTests.Aws;

/// <summary>Retries, backoff and error classification against a loopback server that misbehaves on purpose.</summary>
public sealed class RetryTests
{
    [Fact]
    public async Task Retries_500_throttling_and_connection_reset_then_succeeds_with_a_fresh_signature_each_time()
    {
        await using var server = new LoopbackHttpServer((_, index) => index switch
        {
            0 => ServerReply.Error(500, "ServerException", "internal failure"),
            1 => ServerReply.Error(400, "ThrottlingException", "Rate exceeded"),
            2 => ServerReply.Reset,
            _ => ServerReply.Json(200, """{"repositories":[{"repositoryName":"team/app"}]}"""),
        });
        using var client = Client(server, maxAttempts: 5);

        var response = await client.DescribeRepositoriesAsync(new DescribeRepositoriesRequest());

        Assert.Equal("team/app", Assert.Single(response.Repositories!).RepositoryName);
        Assert.Equal(4, server.Requests.Count);
        Assert.Equal(4, server.Requests.Select(request => request.Header("X-Amz-Date")).Distinct().Count());
        Assert.Equal(4, server.Requests.Select(request => request.Header("Authorization")).Distinct().Count());
    }

    [Fact]
    public async Task Gives_up_after_max_attempts_with_the_last_service_error()
    {
        await using var server = new LoopbackHttpServer((_, _) => ServerReply.Error(400, "aws.ecr#ThrottlingException:http://internal.amazon.com/coral", "Rate exceeded"));
        using var client = Client(server, maxAttempts: 3);

        var error = await Assert.ThrowsAsync<EcrServiceException>(() => client.DescribeRepositoriesAsync(new DescribeRepositoriesRequest()));

        Assert.Equal("ThrottlingException", error.ErrorCode);
        Assert.Equal("Rate exceeded", error.ServiceMessage);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Client_errors_are_not_retried()
    {
        await using var server = new LoopbackHttpServer((_, _) => ServerReply.Error(400, "RepositoryNotFoundException", "The repository with name 'x' does not exist"));
        using var client = Client(server, maxAttempts: 5);

        var error = await Assert.ThrowsAsync<EcrServiceException>(() => client.DescribeRepositoriesAsync(new DescribeRepositoriesRequest()));

        Assert.Equal(EcrServiceErrorCodes.RepositoryNotFound, error.ErrorCode);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Quota_LimitExceededException_is_not_retried()
    {
        await using var server = new LoopbackHttpServer((_, _) => ServerReply.Error(400, "LimitExceededException", "The scan quota per image has been exceeded."));
        using var client = Client(server, maxAttempts: 5);

        var error = await Assert.ThrowsAsync<EcrServiceException>(() => client.StartImageScanAsync(new StartImageScanRequest
        {
            RepositoryName = "team/app",
            ImageId = new ImageIdentifier { ImageTag = "v1" },
        }));

        Assert.Equal(EcrServiceErrorCodes.LimitExceeded, error.ErrorCode);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Error_code_from_the_header_and_capitalised_Message_are_understood()
    {
        await using var server = new LoopbackHttpServer((_, _) => new ServerReply(
            400,
            """{"Message":"The repository policy does not exist"}""",
            new Dictionary<string, string> { ["X-Amzn-Errortype"] = "RepositoryPolicyNotFoundException:http://internal", ["x-amzn-RequestId"] = "req-42" }));
        using var client = Client(server, maxAttempts: 5);

        var error = await Assert.ThrowsAsync<EcrServiceException>(() => client.GetRepositoryPolicyAsync(new GetRepositoryPolicyRequest { RepositoryName = "team/app" }));

        Assert.Equal(EcrServiceErrorCodes.RepositoryPolicyNotFound, error.ErrorCode);
        Assert.Equal("The repository policy does not exist", error.ServiceMessage);
        Assert.Equal("req-42", error.RequestId);
        Assert.Equal("GetRepositoryPolicy", error.Operation);
    }

    [Fact]
    public async Task Unreachable_endpoint_fails_with_ECR2010_after_every_attempt()
    {
        var closedPort = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        closedPort.Start();
        var url = new Uri($"http://127.0.0.1:{((IPEndPoint)closedPort.LocalEndpoint).Port}/");
        closedPort.Stop();
        using var client = new EcrApiClient(new EcrClientOptions
        {
            Region = "us-east-1",
            ServiceUrl = url,
            Credentials = new BasicAWSCredentials("AKIAEXAMPLE", "secret"),
            MaxAttempts = 3,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        });

        var error = await Assert.ThrowsAsync<EcrClientException>(() => client.DescribeRegistryAsync());

        Assert.Equal(AwsClientErrorCodes.ConnectionFailed, error.Code);
        Assert.Contains("after 3 attempt(s)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slow_responses_time_out_with_ECR2011()
    {
        await using var server = new LoopbackHttpServer((_, _) =>
        {
            Thread.Sleep(TimeSpan.FromSeconds(2));
            return ServerReply.Json(200, "{}");
        });
        using var client = new EcrApiClient(new EcrClientOptions
        {
            Region = "us-east-1",
            ServiceUrl = server.Url,
            Credentials = new BasicAWSCredentials("AKIAEXAMPLE", "secret"),
            MaxAttempts = 2,
            AttemptTimeout = TimeSpan.FromMilliseconds(200),
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        });

        var error = await Assert.ThrowsAsync<EcrClientException>(() => client.DescribeRegistryAsync());

        Assert.Equal(AwsClientErrorCodes.Timeout, error.Code);
    }

    [Fact]
    public async Task Cancellation_stops_the_retries()
    {
        await using var server = new LoopbackHttpServer((_, _) => ServerReply.Error(503, "ServiceUnavailable", "try later"));
        using var client = new EcrApiClient(new EcrClientOptions
        {
            Region = "us-east-1",
            ServiceUrl = server.Url,
            Credentials = new BasicAWSCredentials("AKIAEXAMPLE", "secret"),
            MaxAttempts = 50,
            RetryBaseDelay = TimeSpan.FromSeconds(30),
            MaxRetryDelay = TimeSpan.FromSeconds(30),
        });
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.DescribeRegistryAsync(cancellation.Token));
        Assert.InRange(server.Requests.Count, 1, 2);
    }

    [Fact]
    public async Task Paginators_follow_nextToken_over_several_pages()
    {
        await using var server = new LoopbackHttpServer((request, _) =>
        {
            var body = System.Text.Encoding.UTF8.GetString(request.Body);
            return body.Contains("\"nextToken\":\"t2\"", StringComparison.Ordinal)
                ? ServerReply.Json(200, """{"imageIds":[{"imageTag":"c"}]}""")
                : body.Contains("\"nextToken\":\"t1\"", StringComparison.Ordinal)
                    ? ServerReply.Json(200, """{"imageIds":[{"imageTag":"b"}],"nextToken":"t2"}""")
                    : ServerReply.Json(200, """{"imageIds":[{"imageTag":"a"}],"nextToken":"t1"}""");
        });
        using var client = Client(server, maxAttempts: 1);
        var request = new ListImagesRequest { RepositoryName = "team/app", MaxResults = 1 };

        var tags = new List<string?>();
        await foreach (var id in client.ListAllImagesAsync(request))
        {
            tags.Add(id.ImageTag);
        }

        Assert.Equal(["a", "b", "c"], tags);
        Assert.Equal(3, server.Requests.Count);
        Assert.All(server.Requests, sent => Assert.Contains("\"maxResults\":1", System.Text.Encoding.UTF8.GetString(sent.Body), StringComparison.Ordinal));
        Assert.Null(request.NextToken); // the caller's request is left alone
    }

    [Fact]
    public async Task Paginator_stops_when_the_service_repeats_a_token()
    {
        await using var server = new LoopbackHttpServer((_, _) => ServerReply.Json(200, """{"repositories":[],"nextToken":"same"}"""));
        using var client = Client(server, maxAttempts: 1);

        var error = await Assert.ThrowsAsync<EcrClientException>(
            () => client.DescribeAllRepositoriesAsync(new DescribeRepositoriesRequest()).ToListAsync().AsTask());

        Assert.Equal(AwsClientErrorCodes.MalformedResponse, error.Code);
        Assert.Equal(2, server.Requests.Count);
    }

    private static EcrApiClient Client(LoopbackHttpServer server, int maxAttempts) =>
        new(new EcrClientOptions
        {
            Region = "us-east-1",
            ServiceUrl = server.Url,
            Credentials = new BasicAWSCredentials("AKIAEXAMPLE", "secret"),
            MaxAttempts = maxAttempts,
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
            TimeProvider = new SteppingTimeProvider(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero), TimeSpan.FromSeconds(1)),
        });
}
