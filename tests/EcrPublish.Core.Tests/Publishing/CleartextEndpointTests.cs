using EcrPublish.Publishing;
using EcrPublish.Validation;
using Xunit;

namespace EcrPublish.Core.Tests.Publishing;

/// <summary>Plain http to another host would carry signed requests and the ECR password in clear: refused without the opt-in.</summary>
public sealed class CleartextEndpointTests : IDisposable
{
    private readonly string _project = Directory.CreateTempSubdirectory("ecrpub-cleartext-").FullName;

    [Theory]
    [InlineData("http://ecr.example.com", null)]
    [InlineData(null, "http://registry.example.com:5000")]
    [InlineData("http://10.0.0.5:4566", "http://10.0.0.5:5000")]
    public void Http_to_a_host_that_is_not_loopback_is_ECR1056(string? serviceUrl, string? registryEndpoint)
    {
        var result = PublishRequestValidator.Validate(Inputs(serviceUrl, registryEndpoint, allowInsecure: null));

        Assert.Null(result.Request);
        Assert.Equal((serviceUrl is null ? 0 : 1) + (registryEndpoint is null ? 0 : 1), result.Diagnostics.Count(diagnostic => diagnostic.Code == InputCodes.InsecureEndpoint));
        Assert.All(result.Diagnostics, diagnostic => Assert.Contains("EcrAllowInsecureEndpoints=true", diagnostic.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://127.0.0.1:4566", "http://127.0.0.1:5000")]
    [InlineData("http://localhost:4566", "http://[::1]:5000")]
    [InlineData("https://ecr.example.com", "https://registry.example.com")]
    public void Loopback_http_and_https_anywhere_are_allowed(string serviceUrl, string registryEndpoint) =>
        Assert.NotNull(PublishRequestValidator.Validate(Inputs(serviceUrl, registryEndpoint, allowInsecure: null)).Request);

    [Fact]
    public void The_opt_in_allows_http_to_another_host() =>
        Assert.NotNull(PublishRequestValidator.Validate(Inputs("http://ecr.example.com", "http://registry.example.com", allowInsecure: "true")).Request);

    private EcrPublishInputs Inputs(string? serviceUrl, string? registryEndpoint, string? allowInsecure) => new()
    {
        ProjectDirectory = _project,
        ProjectName = "App",
        PublishDirectory = _project,
        ImageTags = ["v1"],
        ServiceUrl = serviceUrl,
        RegistryEndpoint = registryEndpoint,
        AllowInsecureEndpoints = allowInsecure,
        Project = new ProjectFacts("App", "App", "App.dll", "10.0", false, false, "1.0.0"),
    };

    public void Dispose() => Directory.Delete(_project, recursive: true);
}
