using System.Buffers.Binary;

namespace EcrPublish.Images;

/// <summary>The CRC-32 (IEEE) checksum gzip stores in its trailer.</summary>
internal sealed class Crc32
{
    private const uint Polynomial = 0xEDB88320u;
    private static readonly uint[] Table = BuildTable();
    private uint _value = 0xFFFFFFFFu;

    public uint Value => _value ^ 0xFFFFFFFFu;

    /// <summary>The checksum of <paramref name="data"/> alone.</summary>
    public static uint Of(ReadOnlySpan<byte> data)
    {
        var crc = new Crc32();
        crc.Append(data);
        return crc.Value;
    }

    /// <summary>
    /// The checksum of two pieces one after the other, from each piece's checksum and the second one's length
    /// (zlib's <c>crc32_combine</c>): blocks checksummed on different threads join without reading them again.
    /// </summary>
    public static uint Combine(uint first, uint second, long secondLength)
    {
        if (secondLength <= 0)
        {
            return first;
        }

        // The operator that appends one zero bit, then squared into 2, 4, 8, ... zero bits: applying the
        // powers that make up secondLength * 8 to the first checksum appends that many zero bits to it.
        Span<uint> odd = stackalloc uint[32];
        Span<uint> even = stackalloc uint[32];
        odd[0] = Polynomial;
        uint row = 1;
        for (var n = 1; n < 32; n++)
        {
            odd[n] = row;
            row <<= 1;
        }

        Square(even, odd);
        Square(odd, even);
        var crc = first;
        var length = secondLength;
        do
        {
            Square(even, odd);
            if ((length & 1) != 0)
            {
                crc = Times(even, crc);
            }

            length >>= 1;
            if (length == 0)
            {
                break;
            }

            Square(odd, even);
            if ((length & 1) != 0)
            {
                crc = Times(odd, crc);
            }

            length >>= 1;
        }
        while (length != 0);

        return crc ^ second;
    }

    public void Append(ReadOnlySpan<byte> data)
    {
        // Slicing-by-8: eight bytes per step through eight tables, about four times the speed of a byte at a time.
        var table = Table.AsSpan();
        var crc = _value;
        while (data.Length >= 8)
        {
            var one = BinaryPrimitives.ReadUInt32LittleEndian(data) ^ crc;
            var two = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            crc = table[(7 * 256) + (int)(one & 0xFF)] ^ table[(6 * 256) + (int)((one >> 8) & 0xFF)] ^
                table[(5 * 256) + (int)((one >> 16) & 0xFF)] ^ table[(4 * 256) + (int)(one >> 24)] ^
                table[(3 * 256) + (int)(two & 0xFF)] ^ table[(2 * 256) + (int)((two >> 8) & 0xFF)] ^
                table[256 + (int)((two >> 16) & 0xFF)] ^ table[(int)(two >> 24)];
            data = data[8..];
        }

        foreach (var b in data)
        {
            crc = table[(int)((crc ^ b) & 0xFF)] ^ (crc >> 8);
        }

        _value = crc;
    }

    private static uint Times(ReadOnlySpan<uint> matrix, uint vector)
    {
        uint sum = 0;
        for (var i = 0; vector != 0; i++, vector >>= 1)
        {
            if ((vector & 1) != 0)
            {
                sum ^= matrix[i];
            }
        }

        return sum;
    }

    private static void Square(Span<uint> square, ReadOnlySpan<uint> matrix)
    {
        for (var n = 0; n < 32; n++)
        {
            square[n] = Times(matrix, matrix[n]);
        }
    }

    // Table k (at k * 256) gives the effect of a byte followed by k zero bytes.
    private static uint[] BuildTable()
    {
        var table = new uint[8 * 256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? Polynomial ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        for (var n = 0; n < 256; n++)
        {
            for (var k = 1; k < 8; k++)
            {
                var previous = table[((k - 1) * 256) + n];
                table[(k * 256) + n] = (previous >> 8) ^ table[(int)(previous & 0xFF)];
            }
        }

        return table;
    }
}
