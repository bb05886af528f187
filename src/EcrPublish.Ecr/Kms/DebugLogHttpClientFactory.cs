using Amazon.Runtime;

namespace EcrPublish.Kms;

/// <summary>Gives the KMS client an HTTP client that logs every request and response to the <c>--debug</c> log, secrets removed (as ECR's does).</summary>
internal sealed class DebugLogHttpClientFactory(TextWriter log) : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig) =>
        new(Http.HttpDebugLogHandler.Wrap(new SocketsHttpHandler { AllowAutoRedirect = false }, log));

    // One client per KMS client: the SDK's shared cache would hand this logging client to other configurations.
    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;
}
