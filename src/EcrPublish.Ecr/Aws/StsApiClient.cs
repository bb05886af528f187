using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace EcrPublish.Aws;

/// <summary>
/// The one STS call EcrPublish needs, GetCallerIdentity, spoken in the AWS Query protocol (form-encoded POST,
/// XML response) over the same signed transport as ECR.
/// </summary>
internal sealed class StsApiClient(AwsSignedTransport transport, Uri endpoint, string region)
{
    private static readonly byte[] GetCallerIdentityBody = Encoding.ASCII.GetBytes("Action=GetCallerIdentity&Version=2011-06-15");

    public async Task<StsCallerIdentity> GetCallerIdentityAsync(CancellationToken cancellationToken)
    {
        var request = new AwsHttpRequest(
            "GetCallerIdentity",
            endpoint,
            "sts",
            region,
            "application/x-www-form-urlencoded",
            new Dictionary<string, string>(),
            GetCallerIdentityBody);
        var response = await transport.SendAsync(request, AwsQueryErrorReader.Instance, cancellationToken).ConfigureAwait(false);
        try
        {
            using var stream = new MemoryStream(response.Body);
            var document = XDocument.Load(stream);
            string Value(string name) =>
                document.Descendants().FirstOrDefault(element => element.Name.LocalName == name)?.Value
                ?? throw new XmlException($"<{name}> is missing");
            return new StsCallerIdentity(Value("Account"), Value("Arn"), Value("UserId"));
        }
        catch (XmlException exception)
        {
            throw new EcrClientException(
                AwsClientErrorCodes.MalformedResponse,
                $"STS GetCallerIdentity at {endpoint} returned an unexpected response: {exception.Message} Check the STS endpoint (AWS_ENDPOINT_URL_STS).",
                exception);
        }
    }
}
