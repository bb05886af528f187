using System.Text;
using System.Text.Json.Nodes;
using EcrPublish.Cli.Output;
using EcrPublish.Cli.ServiceModel;

namespace EcrPublish.Cli.Execution;

/// <summary>Sends one request body and shapes the response as botocore would (see <see cref="ResponseShaper"/>).</summary>
internal sealed class OperationCaller(IEcrOperationInvoker invoker, TimeZoneInfo zone)
{
    public async Task<JsonObject> CallAsync(OperationModel operation, JsonObject parameters, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(parameters.ToJsonString());
        using var response = await invoker.InvokeAsync(operation.Name, body, cancellationToken).ConfigureAwait(false);
        return ResponseShaper.Shape(response.RootElement, operation.Output, zone);
    }
}
