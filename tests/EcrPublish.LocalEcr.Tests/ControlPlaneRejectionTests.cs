using System.Text;
using EcrPublish.LocalEcr.Tests.Support;

namespace EcrPublish.LocalEcr.Tests;

/// <summary>Bad signatures, stale dates, malformed and oversized bodies, bad names: rejected as ECR does, nothing written.</summary>
public sealed class ControlPlaneRejectionTests : IAsyncLifetime
{
    private LocalEcrHarness ecr = null!;

    public async Task InitializeAsync() => ecr = await LocalEcrHarness.StartAsync(configure: options => options.MaxControlPlaneRequestBytes = 64 * 1024);

    public async Task DisposeAsync() => await ecr.DisposeAsync();

    [Fact]
    public async Task A_wrong_secret_is_an_InvalidSignatureException_403_and_creates_nothing()
    {
        using var forger = new SignedEcrClient(ecr.Server.Endpoint, "test", "not-the-secret");
        var before = ecr.DataFiles();

        var response = await forger.CallAsync("CreateRepository", """{"repositoryName":"forged"}""");

        Assert.Equal(403, response.StatusCode);
        Assert.Equal("InvalidSignatureException", response.ErrorType);
        Assert.DoesNotContain("not-the-secret", response.Body!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(before, ecr.DataFiles());
        Assert.Equal("RepositoryNotFoundException", (await ecr.Ecr.CallAsync("DescribeRepositories", """{"repositoryNames":["forged"]}""")).ErrorType);
    }

    [Fact]
    public async Task An_unknown_access_key_is_an_UnrecognizedClientException()
    {
        using var stranger = new SignedEcrClient(ecr.Server.Endpoint, "AKIASTRANGER", "test");
        var response = await stranger.CallAsync("DescribeRepositories", "{}");
        Assert.Equal(400, response.StatusCode);
        Assert.Equal("UnrecognizedClientException", response.ErrorType);
    }

    [Fact]
    public async Task A_signature_from_twenty_minutes_ago_has_expired()
    {
        var response = await ecr.Ecr.CallAsync("DescribeRepositories", "{}", DateTime.UtcNow.AddMinutes(-20));
        Assert.Equal(400, response.StatusCode);
        Assert.Equal("InvalidSignatureException", response.ErrorType);
        Assert.StartsWith("Signature expired:", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_without_signature_is_refused()
    {
        using var http = new HttpClient();
        using var content = new StringContent("{}", Encoding.UTF8, "application/x-amz-json-1.1");
        content.Headers.Add("X-Amz-Target", "AmazonEC2ContainerRegistry_V20150921.DescribeRepositories");
        using var response = await http.PostAsync(ecr.Server.Endpoint, content);
        Assert.Equal(403, (int)response.StatusCode);
        Assert.Contains("MissingAuthenticationTokenException", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_is_a_SerializationException()
    {
        var response = await ecr.Ecr.CallAsync("CreateRepository", """{"repositoryName": "half""");
        Assert.Equal(400, response.StatusCode);
        Assert.Equal("SerializationException", response.ErrorType);
    }

    [Fact]
    public async Task A_wrongly_typed_member_is_a_SerializationException()
    {
        var response = await ecr.Ecr.CallAsync("CreateRepository", """{"repositoryName": 42}""");
        Assert.Equal("SerializationException", response.ErrorType);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_with_413_before_anything_happens()
    {
        var before = ecr.DataFiles();
        var huge = $$"""{"repositoryName":"big","tags":[{"Key":"k","Value":"{{new string('x', 100 * 1024)}}"}]}""";
        var response = await ecr.Ecr.CallAsync("CreateRepository", huge);
        Assert.Equal(413, response.StatusCode);
        Assert.Equal(before, ecr.DataFiles());
    }

    [Theory]
    [InlineData("../../etc")]
    [InlineData("/absolute")]
    [InlineData("a/../../b")]
    [InlineData("UPPER")]
    [InlineData("x")]
    [InlineData("a//b")]
    [InlineData("..")]
    [InlineData("a__b")]
    [InlineData("app--v2")]
    public async Task Invalid_repository_names_are_InvalidParameterException_and_write_nothing(string name)
    {
        var before = ecr.DataFiles();
        var response = await ecr.Ecr.CallAsync("CreateRepository", new System.Text.Json.Nodes.JsonObject { ["repositoryName"] = name });
        Assert.Equal(400, response.StatusCode);
        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.StartsWith("Invalid parameter at 'repositoryName' failed to satisfy constraint:", response.Message, StringComparison.Ordinal);
        Assert.Equal(before, ecr.DataFiles());
    }

    [Fact]
    public async Task A_double_separator_is_refused_in_ECRs_words()
    {
        var response = await ecr.Ecr.CallAsync("CreateRepository", """{"repositoryName":"a__b"}""");
        Assert.Equal(
            "Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must satisfy regular expression '(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*''",
            response.Message);
    }

    [Fact]
    public async Task An_unknown_operation_is_an_UnknownOperationException()
    {
        var response = await ecr.Ecr.CallAsync("FlyToTheMoon", "{}");
        Assert.Equal("UnknownOperationException", response.ErrorType);
    }

    [Fact]
    public async Task A_missing_repository_is_reported_with_ECRs_wording()
    {
        var response = await ecr.Ecr.CallAsync("DescribeRepositories", """{"repositoryNames":["nope"]}""");
        Assert.Equal(400, response.StatusCode);
        Assert.Equal("RepositoryNotFoundException", response.ErrorType);
        Assert.Equal("The repository with name 'nope' does not exist in the registry with id '123456789012'", response.Message);
    }
}
