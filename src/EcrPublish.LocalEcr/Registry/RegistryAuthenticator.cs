using System.Net.Http.Headers;
using System.Text;
using EcrPublish.LocalEcr.Auth;
using Microsoft.AspNetCore.Http;

namespace EcrPublish.LocalEcr.Registry;

/// <summary>
/// Basic authentication with user <c>AWS</c> and a password from GetAuthorizationToken, as ECR's registry does.
/// Anything else (no credentials, a forged or expired password) gets 401 with a Basic challenge.
/// </summary>
internal sealed class RegistryAuthenticator(LocalEcrOptions options, RegistryTokenIssuer tokens)
{
    public async Task<bool> AuthenticateAsync(HttpContext context)
    {
        var status = Check(context.Request.Headers.Authorization.ToString());
        if (status == RegistryTokenStatus.Valid)
        {
            return true;
        }

        context.Response.Headers.WWWAuthenticate = $"Basic realm=\"{context.Request.Scheme}://{context.Request.Host}/\",service=\"ecr.amazonaws.com\"";
        var message = status == RegistryTokenStatus.Expired
            ? "Your authorization token has expired. Reauthenticate and try again."
            : "Not Authorized";
        await RegistryErrors.WriteAsync(context, 401, status == RegistryTokenStatus.Expired ? "DENIED" : "UNAUTHORIZED", message);
        return false;
    }

    private RegistryTokenStatus Check(string header)
    {
        if (!AuthenticationHeaderValue.TryParse(header, out var value)
            || !string.Equals(value.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || value.Parameter is null)
        {
            return RegistryTokenStatus.Invalid;
        }

        string credentials;
        try
        {
            credentials = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter));
        }
        catch (FormatException)
        {
            return RegistryTokenStatus.Invalid;
        }

        var separator = credentials.IndexOf(':', StringComparison.Ordinal);
        if (separator < 0 || !string.Equals(credentials[..separator], "AWS", StringComparison.Ordinal))
        {
            return RegistryTokenStatus.Invalid;
        }

        return tokens.Check(credentials[(separator + 1)..], options.TimeProvider.GetUtcNow());
    }
}
