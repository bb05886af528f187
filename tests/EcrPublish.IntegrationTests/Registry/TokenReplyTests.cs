using System.Net;
using EcrPublish.Registry;
using Xunit;

namespace EcrPublish.IntegrationTests.Registry;

/// <summary>What a Bearer token service answers, against loopback servers: anything but a string token is a coded error.</summary>
public sealed class TokenReplyTests
{
    [Theory]
    [InlineData("{\"token\":5}")]
    [InlineData("{\"token\":[\"a\"]}")]
    [InlineData("{\"token\":\"ok\",\"access_token\":{}}")]
    [InlineData("[\"token\"]")]
    [InlineData("<html>proxy login</html>")]
    public async Task A_token_reply_that_is_not_a_string_token_is_a_coded_error(string reply)
    {
        await using var realm = new RegistryProxy("127.0.0.1:9", _ => ProxyAction.Respond(HttpStatusCode.OK, reply));
        await using var registry = new RegistryProxy("127.0.0.1:9", _ => ProxyAction.Error(HttpStatusCode.Unauthorized, "UNAUTHORIZED", "token needed",
            new Dictionary<string, string> { ["WWW-Authenticate"] = $"Bearer realm=\"http://{realm.Address}/token\",service=\"registry.test\"" }));
        using var client = new RegistryClient(registry.Address, credentials: null);

        var exception = await Assert.ThrowsAsync<RegistryException>(() => client.GetManifestAsync("team/app", "v1", forPush: false, CancellationToken.None));

        Assert.Equal(RegistryErrorCodes.TokenReplyMalformed, exception.Code);
        Assert.Contains(realm.Address, exception.Message, StringComparison.Ordinal);
        Assert.Single(realm.Requests);
    }

    [Fact]
    public async Task A_string_token_is_used()
    {
        await using var realm = new RegistryProxy("127.0.0.1:9", _ => ProxyAction.Respond(HttpStatusCode.OK, "{\"access_token\":\"abc\"}"));
        await using var registry = new RegistryProxy("127.0.0.1:9", request => request.Header("authorization") == "Bearer abc"
            ? ProxyAction.Error(HttpStatusCode.NotFound, "MANIFEST_UNKNOWN", "no such tag")
            : ProxyAction.Error(HttpStatusCode.Unauthorized, "UNAUTHORIZED", "token needed",
                new Dictionary<string, string> { ["WWW-Authenticate"] = $"Bearer realm=\"http://{realm.Address}/token\",service=\"registry.test\"" }));
        using var client = new RegistryClient(registry.Address, credentials: null);

        Assert.Null(await client.GetManifestAsync("team/app", "v1", forPush: false, CancellationToken.None));
        Assert.Equal(2, registry.Requests.Count);
    }
}
