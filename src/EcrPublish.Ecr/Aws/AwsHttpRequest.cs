namespace EcrPublish.Aws;

/// <summary>An unsigned AWS API call: where it goes, how it is signed and what it carries.</summary>
internal sealed record AwsHttpRequest(
    string Operation,
    Uri Endpoint,
    string SigningService,
    string Region,
    string ContentType,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body);
