using System.Formats.Asn1;
using System.Security.Cryptography;
using EcrPublish.Signing;
using Xunit;

namespace EcrPublish.Core.Tests.Signing;

/// <summary>KMS's DER ECDSA signatures become JWS's r||s: checked against the BCL's own DER signatures and hand-made edge cases.</summary>
public sealed class EcdsaSignatureFormatTests
{
    [Theory]
    [InlineData(256, 32)]
    [InlineData(384, 48)]
    [InlineData(521, 66)]
    public void A_DER_signature_of_the_BCL_becomes_an_r_s_signature_the_BCL_verifies(int curveBits, int fieldSize)
    {
        using var key = ECDsa.Create(curveBits switch { 256 => ECCurve.NamedCurves.nistP256, 384 => ECCurve.NamedCurves.nistP384, _ => ECCurve.NamedCurves.nistP521 });
        var algorithm = NotationAlgorithm.ForEcdsa(key)!;
        Assert.Equal(fieldSize, EcdsaSignatureFormat.FieldSizeOf(algorithm));
        // Enough signatures that some r or s are shorter than the field or have their high bit set (a 0x00 in DER).
        for (var i = 0; i < 64; i++)
        {
            var data = BitConverter.GetBytes(i);
            var der = key.SignData(data, algorithm.Hash, DSASignatureFormat.Rfc3279DerSequence);

            var raw = EcdsaSignatureFormat.DerToP1363(der, fieldSize);

            Assert.Equal(2 * fieldSize, raw.Length);
            Assert.True(key.VerifyData(data, raw, algorithm.Hash));
        }
    }

    [Fact]
    public void Short_integers_are_left_padded_and_a_sign_byte_is_dropped()
    {
        var high = new byte[32];
        high[0] = 0x80;
        high[^1] = 7;

        var raw = EcdsaSignatureFormat.DerToP1363(Der([1], [0x00, .. high]), 32);

        Assert.Equal([.. new byte[31], 1, .. high], raw);
    }

    [Fact]
    public void What_is_not_a_DER_signature_of_that_field_size_is_refused()
    {
        Assert.Throws<CryptographicException>(() => EcdsaSignatureFormat.DerToP1363([0x30, 0x03, 0x02, 0x01], 32));
        Assert.Throws<CryptographicException>(() => EcdsaSignatureFormat.DerToP1363([.. Der([1], [2]), 0x00], 32));
        Assert.Throws<CryptographicException>(() => EcdsaSignatureFormat.DerToP1363(Der([1], new byte[33].Select(_ => (byte)1).ToArray()), 32));
        Assert.Throws<CryptographicException>(() => EcdsaSignatureFormat.DerToP1363(Der([0xff], [1]), 32));
    }

    private static byte[] Der(byte[] r, byte[] s)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(r);
            writer.WriteInteger(s);
        }

        return writer.Encode();
    }
}
