using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EcrPublish.LocalEcr.Auth;

/// <summary>
/// Issues and checks the registry passwords that GetAuthorizationToken hands out. A password carries its expiry and
/// an HMAC keyed from the configured secret, so nothing is stored, a forged or altered password fails, and passwords
/// survive a restart with the same credentials.
/// </summary>
internal sealed class RegistryTokenIssuer(LocalEcrOptions options)
{
    private readonly byte[] key = HMACSHA256.HashData(
        Encoding.UTF8.GetBytes(options.SecretAccessKey), Encoding.UTF8.GetBytes("LocalEcr registry password v1"));

    public (string Password, DateTimeOffset ExpiresAt) Issue(DateTimeOffset now)
    {
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds((now + options.TokenLifetime).ToUnixTimeSeconds());
        var payload = string.Create(
            CultureInfo.InvariantCulture,
            $"{options.AccountId}:{expiresAt.ToUnixTimeSeconds()}:{Convert.ToHexString(RandomNumberGenerator.GetBytes(16))}");
        var payloadBytes = Encoding.UTF8.GetBytes(payload);
        return (Base64Url(payloadBytes) + "." + Base64Url(HMACSHA256.HashData(key, payloadBytes)), expiresAt);
    }

    public RegistryTokenStatus Check(string password, DateTimeOffset now)
    {
        var parts = password.Split('.');
        if (parts.Length != 2 || !TryDecode(parts[0], out var payload) || !TryDecode(parts[1], out var signature))
        {
            return RegistryTokenStatus.Invalid;
        }

        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, payload), signature))
        {
            return RegistryTokenStatus.Invalid;
        }

        var fields = Encoding.UTF8.GetString(payload).Split(':');
        if (fields.Length != 3 || !long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return RegistryTokenStatus.Invalid;
        }

        return now.ToUnixTimeSeconds() < expires ? RegistryTokenStatus.Valid : RegistryTokenStatus.Expired;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryDecode(string text, out byte[] bytes)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        bytes = new byte[padded.Length];
        return Convert.TryFromBase64String(padded, bytes, out var written) && (bytes = bytes[..written]).Length > 0;
    }
}
