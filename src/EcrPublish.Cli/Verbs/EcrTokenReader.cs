using System.Text.Json.Nodes;
using EcrPublish.Aws;
using EcrPublish.Cli.Execution;
using EcrPublish.Cli.ServiceModel;

namespace EcrPublish.Cli.Verbs;

/// <summary>GetAuthorizationToken through the CLI's transport, decoded: the registry host, user name and password.</summary>
internal static class EcrTokenReader
{
    public static async Task<EcrAuthorizationToken> ReadAsync(OperationCaller caller, string? registryId, CancellationToken cancellationToken)
    {
        var parameters = new JsonObject();
        if (registryId is not null)
        {
            parameters["registryIds"] = new JsonArray(registryId);
        }

        var response = await caller.CallAsync(EcrServiceModel.Instance.OperationByName("GetAuthorizationToken"), parameters, cancellationToken).ConfigureAwait(false);
        var data = response["authorizationData"]?[0] as JsonObject
            ?? throw new CliConfigurationException($"{CliErrorCodes.NoAuthorizationToken}: the GetAuthorizationToken response carries no authorization data.");
        return EcrAuthorizationToken.Decode(
            (string?)data["authorizationToken"] ?? "",
            new Uri((string?)data["proxyEndpoint"] ?? "https://localhost"),
            null);
    }
}
