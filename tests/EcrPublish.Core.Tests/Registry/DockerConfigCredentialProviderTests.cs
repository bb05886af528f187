using System.Text;
using EcrPublish.Registry;
using Xunit;

namespace EcrPublish.Core.Tests.Registry;

public sealed class DockerConfigCredentialProviderTests : IDisposable
{
    private readonly string _config = Path.Combine(Path.GetTempPath(), "ecrpub-docker-config-" + Guid.NewGuid().ToString("N")[..8] + ".json");

    [Fact]
    public async Task Auths_entries_are_found_by_host_whatever_their_key_form()
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes("me:pa:ss"));
        await File.WriteAllTextAsync(_config,
            "{\"auths\":{" +
            "\"https://registry.example.com/v1/\":{\"auth\":\"" + encoded + "\"}," +
            "\"127.0.0.1:5000\":{\"username\":\"u\",\"password\":\"p\"}," +
            "\"https://index.docker.io/v1/\":{\"auth\":\"" + encoded + "\"}}}");
        var provider = new DockerConfigCredentialProvider(_config);

        var example = await provider.GetAsync("registry.example.com", refresh: false, CancellationToken.None);
        var local = await provider.GetAsync("127.0.0.1:5000", refresh: false, CancellationToken.None);
        var hub = await provider.GetAsync("registry-1.docker.io", refresh: false, CancellationToken.None);
        var none = await provider.GetAsync("other.example.com", refresh: false, CancellationToken.None);

        Assert.Equal(("me", "pa:ss"), (example!.Username, example.Password));
        Assert.Equal(("u", "p"), (local!.Username, local.Password));
        Assert.Equal("me", hub!.Username);
        Assert.Null(none);
    }

    [Fact]
    public async Task No_config_file_means_anonymous()
    {
        Assert.Null(await new DockerConfigCredentialProvider(_config).GetAsync("registry.example.com", false, CancellationToken.None));
    }

    public void Dispose() => File.Delete(_config);
}
