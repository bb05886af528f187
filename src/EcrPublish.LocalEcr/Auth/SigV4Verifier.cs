using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EcrPublish.EcrRules;
using EcrPublish.LocalEcr.ControlPlane;
using Microsoft.AspNetCore.Http;

namespace EcrPublish.LocalEcr.Auth;

/// <summary>
/// Verifies AWS Signature Version 4 on control-plane requests against the configured credentials, and fails the way
/// AWS does (<c>InvalidSignatureException</c>, <c>UnrecognizedClientException</c>, "Signature expired"). Error
/// messages never contain the secret or the expected signature.
/// </summary>
internal sealed class SigV4Verifier(LocalEcrOptions options)
{
    private const string AmzDateFormat = "yyyyMMdd'T'HHmmss'Z'";
    private static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(15);

    /// <summary>Throws ECR's error unless the request is correctly signed; returns the region it was signed for.</summary>
    public string Verify(HttpRequest request, byte[] body, DateTimeOffset now)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            throw new EcrApiException("MissingAuthenticationTokenException", "Missing Authentication Token", 403);
        }

        var authorization = SigV4Authorization.Parse(header) ?? throw new EcrApiException(
            "IncompleteSignatureException",
            "Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters with the algorithm AWS4-HMAC-SHA256.",
            403);
        if (!string.Equals(authorization.AccessKeyId, options.AccessKeyId, StringComparison.Ordinal))
        {
            throw new EcrApiException("UnrecognizedClientException", "The security token included in the request is invalid.");
        }

        if (!string.Equals(authorization.Service, "ecr", StringComparison.Ordinal))
        {
            throw new EcrApiException("InvalidSignatureException", "Credential should be scoped to correct service: 'ecr'. ", 403);
        }

        if (!EcrRegion.IsValid(authorization.Region))
        {
            throw new EcrApiException("InvalidSignatureException", $"Credential should be scoped to a valid region, not '{authorization.Region}'. ", 403);
        }

        RequireSigned(authorization.SignedHeaders);
        var (amzDate, signedAt) = SigningTime(request, authorization.SignedHeaders);

        CheckClock(amzDate, signedAt, now);
        if (!amzDate.StartsWith(authorization.Date, StringComparison.Ordinal))
        {
            throw new EcrApiException("InvalidSignatureException", $"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{authorization.Date}' != '{amzDate[..8]}'", 403);
        }

        var canonicalRequest = CanonicalRequest(request, authorization.SignedHeaders, body);
        var stringToSign = string.Join(
            '\n',
            "AWS4-HMAC-SHA256",
            amzDate,
            authorization.Scope,
            Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));
        var expected = Hex(HMACSHA256.HashData(SigningKey(authorization), Encoding.UTF8.GetBytes(stringToSign)));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(authorization.Signature)))
        {
            throw new EcrApiException(
                "InvalidSignatureException",
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
                403);
        }

        return authorization.Region;
    }

    /// <summary>
    /// AWS rejects a signature that does not cover the Host (else it could be replayed to any host), and the JSON API's
    /// X-Amz-Target (else the signed body could be replayed as another operation).
    /// </summary>
    private static void RequireSigned(IReadOnlyList<string> signedHeaders)
    {
        if (!signedHeaders.Contains("host", StringComparer.Ordinal))
        {
            throw new EcrApiException("InvalidSignatureException", "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.", 403);
        }

        if (!signedHeaders.Contains("x-amz-date", StringComparer.Ordinal) && !signedHeaders.Contains("date", StringComparer.Ordinal))
        {
            throw new EcrApiException("InvalidSignatureException", "'X-Amz-Date' or 'Date' must be a 'SignedHeader' in the AWS Authorization.", 403);
        }

        if (!signedHeaders.Contains("x-amz-target", StringComparer.Ordinal))
        {
            throw new EcrApiException("InvalidSignatureException", "'X-Amz-Target' must be a 'SignedHeader' in the AWS Authorization.", 403);
        }
    }

    /// <summary>The request time in the string-to-sign's form: X-Amz-Date, or else the (RFC 1123) Date header.</summary>
    private static (string AmzDate, DateTimeOffset SignedAt) SigningTime(HttpRequest request, IReadOnlyList<string> signedHeaders)
    {
        var amzDate = request.Headers["X-Amz-Date"].ToString();
        if (signedHeaders.Contains("x-amz-date", StringComparer.Ordinal)
            && DateTimeOffset.TryParseExact(amzDate, AmzDateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt))
        {
            return (amzDate, signedAt);
        }

        var date = request.Headers.Date.ToString();
        if (amzDate.Length == 0 && signedHeaders.Contains("date", StringComparer.Ordinal)
            && DateTimeOffset.TryParseExact(date, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out signedAt))
        {
            return (signedAt.UtcDateTime.ToString(AmzDateFormat, CultureInfo.InvariantCulture), signedAt);
        }

        throw new EcrApiException("IncompleteSignatureException", "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.", 403);
    }

    private static void CheckClock(string amzDate, DateTimeOffset signedAt, DateTimeOffset now)
    {
        var nowText = now.UtcDateTime.ToString(AmzDateFormat, CultureInfo.InvariantCulture);
        if (signedAt < now - AllowedSkew)
        {
            var limit = (now - AllowedSkew).UtcDateTime.ToString(AmzDateFormat, CultureInfo.InvariantCulture);
            throw new EcrApiException("InvalidSignatureException", $"Signature expired: {amzDate} is now earlier than {limit} ({nowText} - 15 min.)");
        }

        if (signedAt > now + AllowedSkew)
        {
            var limit = (now + AllowedSkew).UtcDateTime.ToString(AmzDateFormat, CultureInfo.InvariantCulture);
            throw new EcrApiException("InvalidSignatureException", $"Signature not yet current: {amzDate} is still later than {limit} ({nowText} + 15 min.)");
        }
    }

    private static string CanonicalRequest(HttpRequest request, IReadOnlyList<string> signedHeaders, byte[] body)
    {
        var builder = new StringBuilder();
        builder.Append(request.Method).Append('\n');
        builder.Append(CanonicalPath(request.PathBase.Add(request.Path).Value)).Append('\n');
        builder.Append(CanonicalQuery(request.Query)).Append('\n');
        foreach (var name in signedHeaders)
        {
            var values = request.Headers[name].Select(value => CollapseSpaces(value ?? string.Empty));
            builder.Append(name).Append(':').Append(string.Join(',', values)).Append('\n');
        }

        builder.Append('\n').Append(string.Join(';', signedHeaders)).Append('\n');
        var declaredPayloadHash = request.Headers["X-Amz-Content-SHA256"].ToString();
        builder.Append(declaredPayloadHash.Length > 0 ? declaredPayloadHash : Hex(SHA256.HashData(body)));
        if (declaredPayloadHash.Length > 0 && !string.Equals(declaredPayloadHash, Hex(SHA256.HashData(body)), StringComparison.Ordinal))
        {
            throw new EcrApiException("InvalidSignatureException", "The provided 'x-amz-content-sha256' header does not match what was computed.", 403);
        }

        return builder.ToString();
    }

    private static string CanonicalPath(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "/";
        }

        return string.Join('/', path.Split('/').Select(segment => Uri.EscapeDataString(Uri.UnescapeDataString(segment))));
    }

    private static string CanonicalQuery(IQueryCollection query) =>
        string.Join('&', query
            .SelectMany(pair => pair.Value.Select(value => (Key: Uri.EscapeDataString(pair.Key), Value: Uri.EscapeDataString(value ?? string.Empty))))
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .ThenBy(pair => pair.Value, StringComparer.Ordinal)
            .Select(pair => pair.Key + "=" + pair.Value));

    private static string CollapseSpaces(string value) => string.Join(' ', value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private byte[] SigningKey(SigV4Authorization authorization)
    {
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + options.SecretAccessKey), Encoding.UTF8.GetBytes(authorization.Date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(authorization.Region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(authorization.Service));
        return HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("aws4_request"));
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}
