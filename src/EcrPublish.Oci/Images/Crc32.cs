namespace EcrPublish.Images;

/// <summary>The CRC-32 (IEEE) checksum gzip stores in its trailer.</summary>
internal sealed class Crc32
{
    private static readonly uint[] Table = BuildTable();
    private uint _value = 0xFFFFFFFFu;

    public uint Value => _value ^ 0xFFFFFFFFu;

    public void Append(ReadOnlySpan<byte> data)
    {
        var crc = _value;
        foreach (var b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        _value = crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
