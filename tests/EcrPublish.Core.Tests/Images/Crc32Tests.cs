using System.Text;
using EcrPublish.Images;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.Core.Tests.Images;

public sealed class Crc32Tests
{
    [Fact]
    public void The_check_value_of_the_ieee_crc_is_cbf43926()
    {
        Assert.Equal(0xCBF43926u, Crc32.Of(Encoding.ASCII.GetBytes("123456789")));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 7)]
    [InlineData(9, 0)]
    [InlineData(13, 1)]
    [InlineData(65536, 65536)]
    [InlineData(100_000, 1_048_576)]
    public void Two_pieces_checksummed_apart_combine_to_the_checksum_of_both(int first, int second)
    {
        var data = MixedLayerData.Create(first + second, seed: first + second);

        var combined = Crc32.Combine(Crc32.Of(data.AsSpan(0, first)), Crc32.Of(data.AsSpan(first)), second);

        Assert.Equal(Crc32.Of(data), combined);
    }

    [Fact]
    public void Appending_in_pieces_of_any_length_gives_the_checksum_of_the_whole()
    {
        var data = MixedLayerData.Create(200_003);
        var crc = new Crc32();
        for (int offset = 0, piece = 1; offset < data.Length; offset += piece, piece = (piece * 7 % 31) + 1)
        {
            crc.Append(data.AsSpan(offset, Math.Min(piece, data.Length - offset)));
        }

        Assert.Equal(Crc32.Of(data), crc.Value);
        Assert.Equal(BitwiseCrc(data), crc.Value);
    }

    // The definition, a bit at a time: independent of the tables the fast path uses.
    private static uint BitwiseCrc(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return crc ^ 0xFFFFFFFFu;
    }
}
