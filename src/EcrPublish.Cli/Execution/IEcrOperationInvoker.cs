using System.Text.Json;

namespace EcrPublish.Cli.Execution;

/// <summary>Sends one ECR JSON 1.1 operation and returns its response body (signed transport, retries).</summary>
internal interface IEcrOperationInvoker : IDisposable
{
    /// <summary>Calls <paramref name="operation"/>; a service error comes back as <see cref="EcrOperationException"/>.</summary>
    Task<JsonDocument> InvokeAsync(string operation, ReadOnlyMemory<byte> jsonBody, CancellationToken cancellationToken);
}
