using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EcrPublish.LocalEcr.Regions;

namespace EcrPublish.LocalEcr.Auth;

/// <summary>
/// Signs and checks the layer download URLs GetDownloadUrlForLayer hands out, LocalEcr's stand-in for ECR's pre-signed
/// S3 URLs: <c>/_localecr/layers/&lt;account&gt;/&lt;region&gt;/&lt;digest&gt;?expires=&lt;unix&gt;&amp;signature=…</c>.
/// The signature is an HMAC keyed from the configured secret over the registry, the digest and the expiry, so the URL
/// needs no other credentials, cannot be altered or forged, stops working when it expires and survives a restart.
/// </summary>
internal sealed class LayerUrlSigner(LocalEcrOptions options)
{
    /// <summary>Where the URLs point; the server serves them without registry credentials.</summary>
    public const string PathPrefix = "/_localecr/layers/";

    /// <summary>How long a URL works. ECR's pre-signed layer URLs are short-lived; LocalEcr gives an hour.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly byte[] key = HMACSHA256.HashData(
        Encoding.UTF8.GetBytes(options.SecretAccessKey), Encoding.UTF8.GetBytes("LocalEcr layer download url v1"));

    /// <summary>The path and query of a URL for the blob <paramref name="digest"/> of <paramref name="scope"/>'s registry.</summary>
    public string Sign(RegistryScope scope, string digest, DateTimeOffset now)
    {
        var expires = (now + Lifetime).ToUnixTimeSeconds();
        var signature = Convert.ToHexString(Mac(scope, digest, expires)).ToLowerInvariant();
        return string.Create(CultureInfo.InvariantCulture, $"{PathPrefix}{scope.AccountId}/{scope.Region}/{digest}?expires={expires}&signature={signature}");
    }

    /// <summary>Whether <paramref name="signature"/> is this server's for the scope, digest and expiry (expiry not checked).</summary>
    public bool IsAuthentic(RegistryScope scope, string digest, long expires, string signature)
    {
        byte[] given;
        try
        {
            given = Convert.FromHexString(signature);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Mac(scope, digest, expires), given);
    }

    private byte[] Mac(RegistryScope scope, string digest, long expires) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{scope.AccountId}\n{scope.Region}\n{digest}\n{expires}")));
}
