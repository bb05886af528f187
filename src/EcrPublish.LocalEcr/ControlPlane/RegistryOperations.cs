using System.Text;
using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Auth;
using EcrPublish.LocalEcr.Replication;
using EcrPublish.LocalEcr.Storage;

namespace EcrPublish.LocalEcr.ControlPlane;

/// <summary>GetAuthorizationToken and DescribeRegistry.</summary>
internal sealed class RegistryOperations(LocalEcrOptions options, RegistryTokenIssuer tokens, RegistrySettingsStore settings)
{
    public IEnumerable<KeyValuePair<string, EcrOperation>> All() =>
    [
        new("GetAuthorizationToken", GetAuthorizationTokenAsync),
        new("DescribeRegistry", DescribeRegistryAsync),
    ];

    private Task<JsonObject> GetAuthorizationTokenAsync(EcrCall call)
    {
        // registryIds is deprecated; when given, every id must be this registry's.
        foreach (var node in call.OptionalArray("registryIds", 1, 10) ?? [])
        {
            var id = EcrCall.StringOf(node, "registryIds");
            if (!string.Equals(id, options.AccountId, StringComparison.Ordinal))
            {
                throw EcrErrors.InvalidParameter("registryIds", $"LocalEcr only serves registry '{options.AccountId}'");
            }
        }

        var (password, expiresAt) = tokens.Issue(call.Now);
        var data = new JsonObject
        {
            ["authorizationToken"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("AWS:" + password)),
            ["expiresAt"] = EcrJson.Timestamp(expiresAt),
            ["proxyEndpoint"] = call.ProxyEndpoint,
        };
        return Task.FromResult(new JsonObject { ["authorizationData"] = new JsonArray(data) });
    }

    private Task<JsonObject> DescribeRegistryAsync(EcrCall call) => Task.FromResult(new JsonObject
    {
        ["registryId"] = options.AccountId,
        ["replicationConfiguration"] = ReplicationJson.Configuration(settings.Current.ReplicationRules),
    });
}
