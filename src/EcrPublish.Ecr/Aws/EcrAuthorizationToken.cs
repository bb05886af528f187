using System.Text;

namespace EcrPublish.Aws;

/// <summary>
/// Registry credentials decoded from GetAuthorizationToken. <see cref="ToString"/> never shows the password, and the
/// type is not a record so that no generated member prints it.
/// </summary>
public sealed class EcrAuthorizationToken
{
    public EcrAuthorizationToken(string username, string password, Uri proxyEndpoint, DateTimeOffset? expiresAt)
    {
        Username = username;
        Password = password;
        ProxyEndpoint = proxyEndpoint;
        ExpiresAt = expiresAt;
    }

    /// <summary>Always <c>AWS</c> for ECR.</summary>
    public string Username { get; }

    /// <summary>The registry password. Secret: never log it, never put it into a file, property or message.</summary>
    public string Password { get; }

    /// <summary>The registry URL, e.g. https://123456789012.dkr.ecr.eu-west-1.amazonaws.com.</summary>
    public Uri ProxyEndpoint { get; }

    /// <summary>When the password stops working (about 12 hours after issue).</summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>The registry host (and port), e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com.</summary>
    public string RegistryHost => ProxyEndpoint.IsDefaultPort ? ProxyEndpoint.Host : $"{ProxyEndpoint.Host}:{ProxyEndpoint.Port}";

    /// <summary>The value for an HTTP <c>Authorization: Basic</c> header. Secret.</summary>
    public string BasicAuthorizationValue => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Username}:{Password}"));

    /// <summary>Decodes base64 <c>user:password</c> (split on the first ':') into a token.</summary>
    public static EcrAuthorizationToken Decode(string authorizationToken, Uri proxyEndpoint, DateTimeOffset? expiresAt)
    {
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorizationToken));
        }
        catch (FormatException exception)
        {
            // The message must not echo the token.
            throw new EcrClientException(
                AwsClientErrorCodes.InvalidAuthorizationToken,
                "GetAuthorizationToken returned a token that is not base64. Check that the endpoint is really ECR.",
                exception);
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new EcrClientException(
                AwsClientErrorCodes.InvalidAuthorizationToken,
                "GetAuthorizationToken returned a token without the 'user:password' form. Check that the endpoint is really ECR.");
        }

        return new EcrAuthorizationToken(decoded[..colon], decoded[(colon + 1)..], proxyEndpoint, expiresAt);
    }

    public override string ToString() =>
        $"EcrAuthorizationToken {{ Username = {Username}, Password = ***, ProxyEndpoint = {ProxyEndpoint}, ExpiresAt = {ExpiresAt:O} }}";
}
