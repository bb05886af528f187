using System.Xml;
using System.Xml.Linq;

namespace EcrPublish.Aws;

/// <summary>Reads AWS Query protocol (STS) errors: <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;</c>.</summary>
internal sealed class AwsQueryErrorReader : IAwsErrorReader
{
    public static AwsQueryErrorReader Instance { get; } = new();

    public EcrServiceException Read(string operation, AwsHttpResponse response)
    {
        string? code = null;
        string? message = null;
        string? requestId = response.RequestId;
        try
        {
            using var stream = new MemoryStream(response.Body);
            var document = XDocument.Load(stream);
            var error = document.Descendants().FirstOrDefault(element => element.Name.LocalName == "Error");
            code = error?.Elements().FirstOrDefault(element => element.Name.LocalName == "Code")?.Value;
            message = error?.Elements().FirstOrDefault(element => element.Name.LocalName == "Message")?.Value;
            requestId ??= document.Descendants().FirstOrDefault(element => element.Name.LocalName == "RequestId")?.Value;
        }
        catch (XmlException)
        {
            // Not XML: keep the status and a preview of the body.
        }

        code = AwsJsonErrorReader.Sanitize(code) ?? ((int)response.StatusCode >= 500 ? "ServerError" : $"Http{(int)response.StatusCode}");
        return new EcrServiceException(code, message ?? AwsJsonErrorReader.BodyPreview(response.Body), response.StatusCode, requestId, operation);
    }
}
