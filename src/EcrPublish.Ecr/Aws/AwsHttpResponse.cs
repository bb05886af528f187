using System.Net;
using System.Net.Http.Headers;

namespace EcrPublish.Aws;

/// <summary>A complete HTTP response of an AWS API call, read into memory.</summary>
internal sealed record AwsHttpResponse(HttpStatusCode StatusCode, HttpResponseHeaders Headers, string? ContentType, byte[] Body)
{
    public bool IsSuccess => (int)StatusCode is >= 200 and < 300;

    public string? Header(string name) =>
        Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    public string? RequestId => Header("x-amzn-RequestId") ?? Header("x-amz-request-id");
}
