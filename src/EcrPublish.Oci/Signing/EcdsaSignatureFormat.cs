using System.Formats.Asn1;
using System.Security.Cryptography;

namespace EcrPublish.Signing;

/// <summary>
/// Turns the DER ECDSA signature signing services return (<c>SEQUENCE { r INTEGER, s INTEGER }</c>, what AWS KMS's Sign
/// gives) into the fixed-size r||s form JWS carries (RFC 7518 §3.4), each half as long as the curve's field.
/// </summary>
public static class EcdsaSignatureFormat
{
    /// <summary>The r||s form of <paramref name="der"/> for a curve whose field is <paramref name="fieldSizeBytes"/> bytes long (32 for P-256, 48 for P-384, 66 for P-521).</summary>
    /// <exception cref="CryptographicException">The bytes are not a DER ECDSA signature for that field size.</exception>
    public static byte[] DerToP1363(ReadOnlySpan<byte> der, int fieldSizeBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fieldSizeBytes);
        try
        {
            var reader = new AsnReader(der.ToArray(), AsnEncodingRules.DER);
            var sequence = reader.ReadSequence();
            reader.ThrowIfNotEmpty();
            var raw = new byte[2 * fieldSizeBytes];
            CopyInteger(sequence.ReadIntegerBytes().Span, raw.AsSpan(0, fieldSizeBytes));
            CopyInteger(sequence.ReadIntegerBytes().Span, raw.AsSpan(fieldSizeBytes));
            sequence.ThrowIfNotEmpty();
            return raw;
        }
        catch (AsnContentException error)
        {
            throw new CryptographicException($"Not a DER ECDSA signature: {error.Message}", error);
        }
    }

    /// <summary>The field size in bytes of the ECDSA curve a JWS algorithm signs with (ES256: 32, ES384: 48, ES512: 66).</summary>
    public static int FieldSizeOf(NotationAlgorithm algorithm)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        return algorithm.Name switch
        {
            "ES256" => 32,
            "ES384" => 48,
            "ES512" => 66,
            _ => throw new ArgumentException($"{algorithm.Name} is not an ECDSA algorithm.", nameof(algorithm)),
        };
    }

    // A DER INTEGER is big-endian two's complement: a leading 0x00 keeps a high bit from reading as a sign, and short
    // values have no leading zeros; r||s wants each unsigned and left-padded to the field size.
    private static void CopyInteger(ReadOnlySpan<byte> integer, Span<byte> target)
    {
        if (integer.Length > 0 && (integer[0] & 0x80) != 0)
        {
            throw new CryptographicException("Not a DER ECDSA signature: r or s is negative.");
        }

        var value = integer.TrimStart((byte)0);
        if (value.Length > target.Length)
        {
            throw new CryptographicException($"Not a DER ECDSA signature for a {target.Length}-byte field: r or s has {value.Length} bytes.");
        }

        value.CopyTo(target[(target.Length - value.Length)..]);
    }
}
