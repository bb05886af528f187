namespace EcrPublish.Aws;

/// <summary>Turns a protocol's error response into an <see cref="EcrServiceException"/>.</summary>
internal interface IAwsErrorReader
{
    EcrServiceException Read(string operation, AwsHttpResponse response);
}
