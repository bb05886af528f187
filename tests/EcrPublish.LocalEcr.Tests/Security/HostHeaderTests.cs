using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Tests.Support;

namespace EcrPublish.LocalEcr.Tests.Security;

/// <summary>Only requests addressed to a loopback name or --hostname are served (DNS rebinding from a browser page).</summary>
public sealed class HostHeaderTests : IAsyncLifetime
{
    private LocalEcrHarness ecr = null!;
    private static readonly HttpClient Http = new();

    public async Task InitializeAsync() => ecr = await LocalEcrHarness.StartAsync(configure: options => options.Hostname = "registry.test");

    public async Task DisposeAsync() => await ecr.DisposeAsync();

    [Fact]
    public async Task A_control_plane_request_for_another_host_is_a_421_in_ECRs_shape_and_creates_nothing()
    {
        var before = ecr.DataFiles();
        using var request = new HttpRequestMessage(HttpMethod.Post, ecr.Server.Endpoint) { Content = new StringContent("""{"repositoryName":"rebound"}""", Encoding.UTF8) };
        request.Headers.Host = "attacker.example";
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "AmazonEC2ContainerRegistry_V20150921.CreateRepository");

        using var response = await Http.SendAsync(request);

        Assert.Equal(421, (int)response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("MisdirectedRequestException", body["__type"]!.GetValue<string>());
        Assert.StartsWith("ECR5007:", body["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, ecr.DataFiles());
    }

    [Theory]
    [InlineData("attacker.example")]
    [InlineData("localhost.attacker.example")]
    [InlineData("127.0.0.1.nip.io")]
    [InlineData("10.0.0.1")]
    [InlineData("2130706433")]
    public async Task A_registry_request_for_another_host_is_a_421_in_the_registrys_shape(string host)
    {
        using var registry = new HttpRequestMessage(HttpMethod.Get, new Uri(ecr.Server.Endpoint, "/v2/"));
        registry.Headers.Host = host;
        registry.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("AWS:" + await ecr.PasswordAsync())));

        using var response = await Http.SendAsync(registry);

        Assert.Equal(421, (int)response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("DENIED", body["errors"]![0]!["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("LOCALHOST")]
    [InlineData("127.0.0.1")]
    [InlineData("127.1.2.3")]
    [InlineData("[::1]")]
    [InlineData("registry.test")]
    public async Task Loopback_names_and_the_configured_hostname_are_served(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(ecr.Server.Endpoint, "/v2/"));
        request.Headers.Host = $"{host}:{ecr.Server.Endpoint.Port}";
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("AWS:" + await ecr.PasswordAsync())));

        using var response = await Http.SendAsync(request);

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task A_hostname_that_is_not_a_host_name_is_ECR5003() =>
        Assert.Equal("ECR5003", (await Assert.ThrowsAsync<LocalEcrException>(() => LocalEcrHarness.StartAsync(configure: options => options.Hostname = "http://x:1/"))).Code);
}
